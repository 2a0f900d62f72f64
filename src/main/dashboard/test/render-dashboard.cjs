// The browser half of DashboardInChromiumTest: opens the dashboard in headless Chromium (Debian's, through
// playwright-core), waits until every chart is drawn, saves a screenshot and prints what the page shows as
// JSON: the measure cards and each chart's categories and series, read from ECharts itself.
// usage: node render-dashboard.cjs <url> <screenshot.png> <client id> <client secret> [chromium]
'use strict';
const { chromium } = require('playwright-core');

(async () => {
  const [url, screenshot, clientId, clientSecret, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    // The machine's network is closed: no background fetches, no component updates, no sync.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'zh-CN' });
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(url, { waitUntil: 'load' });
    // signs in as a leader's office would
    await page.waitForSelector('#signin:not([hidden])');
    await page.fill('#client-id', clientId);
    await page.fill('#client-secret', clientSecret);
    await page.click('#signin button[type=submit]');
    await page.waitForFunction(() => window.dashboard && (window.dashboard.ready || window.dashboard.error),
      null, { timeout: 180000 });
    const shown = await page.evaluate(() => {
      const charts = {};
      document.querySelectorAll('.chart').forEach((element) => {
        const option = echarts.getInstanceByDom(element).getOption();
        charts[element.id] = {
          categories: option.xAxis[0].data,
          series: option.series.map((series) => ({ name: series.name, data: series.data })),
          canvas: element.querySelector('canvas') !== null,
        };
      });
      const cards = {};
      document.querySelectorAll('.card').forEach((card) => {
        cards[card.dataset.measure] = {
          value: card.querySelector('.value').textContent, detail: card.querySelector('.detail').textContent,
        };
      });
      return { ready: window.dashboard.ready, error: window.dashboard.error || null, cards, charts,
        title: document.title };
    });
    await page.screenshot({ path: screenshot, fullPage: true });
    shown.pageErrors = errors;
    process.stdout.write(JSON.stringify(shown));
  } finally {
    await browser.close();
  }
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
