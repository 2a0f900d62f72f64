// The group leaders' dashboard. Every figure comes from the server's own FHIR operation
// Measure/<id>/$evaluate-measure (no private API); ECharts draws them. window.dashboard.ready turns true once
// everything is drawn, for the browser test.
'use strict';

const FHIR = new URL('../fhir', window.location.href).href.replace(/\/$/, '');

const MEASURES = [
  { id: 'county-visit-rate', name: '县域就诊率', english: 'County visit rate', kind: 'percent', trend: true },
  { id: 'primary-care-share', name: '基层诊疗量占比', english: 'Visits at primary level', kind: 'percent', trend: true },
  { id: 'downward-referral-share', name: '下转患者占比', english: 'Downward referral share', kind: 'percent', trend: true },
  { id: 'upward-referral-count', name: '上转人次', english: 'Upward referrals', kind: 'count' },
  { id: 'contract-coverage', name: '家庭医生签约覆盖率', english: 'Contract coverage', kind: 'percent', trend: true },
  { id: 'chronic-control-rate', name: '两病三病控制率（绿标）', english: '2+3 control rate (green)', kind: 'percent', trend: true },
  { id: 'reading-turnaround', name: '远程诊断出报告时长', english: 'Remote-reading turnaround', kind: 'duration', unit: '分钟 min' },
  { id: 'referral-acceptance-time', name: '转诊接收时长', english: 'Referral acceptance time', kind: 'duration', unit: '小时 h' },
];
const GRADE_COLOURS = { green: '#2e9d5b', yellow: '#e6b325', red: '#c8372d' };
const GRADE_NAMES = { green: '绿标 green', yellow: '黄标 yellow', red: '红标 red' };

window.dashboard = { ready: false, figures: {} };

// Sign-in: the dashboard is a client like any other. A leader's office signs in with the group's client id and
// secret (client_credentials); the token lives in this tab only (sessionStorage) and for its five minutes.
const TOKEN_KEY = 'onesheet.token';

function heldToken() {
  const held = JSON.parse(sessionStorage.getItem(TOKEN_KEY) || 'null');
  return held && Date.now() < held.expires ? held : null;
}

function signIn() {
  const dialog = document.getElementById('signin');
  dialog.hidden = false;
  return new Promise((resolve) => {
    dialog.onsubmit = async (event) => {
      event.preventDefault();
      const id = document.getElementById('client-id').value;
      const secret = document.getElementById('client-secret').value;
      const response = await fetch(new URL('../oauth2/token', window.location.href), {
        method: 'POST',
        headers: { Authorization: `Basic ${btoa(`${id}:${secret}`)}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'system/Measure.rs system/Organization.rs system/MeasureReport.rs' }),
      });
      const body = await response.json();
      if (!response.ok) {
        document.getElementById('signin-error').textContent = `登录失败 Sign-in failed: ${body.error_description || body.error}`;
        return;
      }
      const claims = JSON.parse(atob(body.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
      const held = { token: body.access_token, expires: Date.now() + (body.expires_in - 20) * 1000, group: claims.group };
      sessionStorage.setItem(TOKEN_KEY, JSON.stringify(held));
      dialog.hidden = true;
      resolve(held);
    };
  });
}

async function token() {
  return heldToken() || signIn();
}

async function fhir(path) {
  const held = await token();
  const response = await fetch(FHIR + path, { headers: { Accept: 'application/fhir+json', Authorization: `Bearer ${held.token}` } });
  if (response.status === 401) {
    sessionStorage.removeItem(TOKEN_KEY);
  }
  const body = await response.json();
  if (!response.ok) {
    const issue = body.issue && body.issue[0];
    throw new Error((issue && issue.diagnostics) || response.statusText);
  }
  return body;
}

function monthEnd(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().substring(0, 10);
}

function months(from, to) {
  const list = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while ((y < ty || (y === ty && m <= tm)) && list.length < 24) {
    list.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) { m = 1; y += 1; }
  }
  return list;
}

function evaluate(measure, start, end, subject) {
  const query = new URLSearchParams({ periodStart: start, periodEnd: end, subject });
  return fhir(`/Measure/${measure}/$evaluate-measure?${query}`);
}

const count = (group, code) => ((group.population || []).find((p) => p.code.coding[0].code === code) || {}).count || 0;
const score = (group) => (group.measureScore ? Number(group.measureScore.value) : null);
const stratifier = (group, name) => (group.stratifier || []).find((s) => s.code[0].text === name) || { stratum: [] };
const label = (stratum) => (stratum.value.coding && stratum.value.coding[0].display) || stratum.value.text;
const percent = (value) => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

function card(measure, report) {
  const group = report.group[0];
  let value;
  let detail;
  if (measure.kind === 'percent') {
    value = percent(score(group));
    detail = `${count(group, 'numerator')} / ${count(group, 'denominator')}`;
  } else if (measure.kind === 'count') {
    value = String(count(group, 'initial-population'));
    detail = '人次 referrals';
  } else {
    const median = score(report.group[0]);
    const p90 = score(report.group[1]);
    value = median === null ? '—' : `${median}`;
    detail = `中位数 median · P90 ${p90 === null ? '—' : p90} ${measure.unit} · n=${count(group, 'measure-population')}`;
  }
  window.dashboard.figures[measure.id] = { value, detail };
  const element = document.createElement('div');
  element.className = 'card';
  element.dataset.measure = measure.id;
  element.innerHTML = `<div class="name"></div><div class="english"></div><div class="value"></div><div class="detail"></div>`;
  element.querySelector('.name').textContent = measure.name;
  element.querySelector('.english').textContent = measure.english;
  element.querySelector('.value').textContent = value;
  element.querySelector('.detail').textContent = detail;
  return element;
}

function chart(id, option) {
  const instance = echarts.getInstanceByDom(document.getElementById(id)) || echarts.init(document.getElementById(id));
  instance.setOption(option, true);
}

function bars(id, categories, series, percentAxis) {
  chart(id, {
    animation: false,
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 32, bottom: 80 },
    xAxis: { type: 'category', data: categories, axisLabel: { rotate: 30, interval: 0, fontSize: 10 } },
    yAxis: { type: 'value', max: percentAxis ? 100 : null, axisLabel: { formatter: percentAxis ? '{value}%' : '{value}' } },
    series,
  });
}

async function draw(subject, from, to) {
  const status = document.getElementById('status');
  status.className = '';
  status.textContent = '加载中 Loading…';
  window.dashboard = { ready: false, figures: {} };
  const start = `${from}-01`;
  const end = monthEnd(to);
  const reports = {};
  await Promise.all(MEASURES.map(async (measure) => { reports[measure.id] = await evaluate(measure.id, start, end, subject); }));

  const cards = document.getElementById('cards');
  cards.replaceChildren(...MEASURES.map((measure) => card(measure, reports[measure.id])));

  // trend by month of the proportion measures
  const trendMonths = months(from, to);
  const trendMeasures = MEASURES.filter((measure) => measure.trend);
  const trend = {};
  await Promise.all(trendMeasures.flatMap((measure) => trendMonths.map(async (month) => {
    const report = await evaluate(measure.id, `${month}-01`, monthEnd(month), subject);
    const value = score(report.group[0]);
    (trend[measure.id] = trend[measure.id] || {})[month] = value === null ? null : Number((value * 100).toFixed(1));
  })));
  chart('trend', {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null ? '—' : `${v}%`) },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 48, right: 16, top: 40, bottom: 32 },
    xAxis: { type: 'category', data: trendMonths },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: trendMeasures.map((measure) => ({
      name: `${measure.name} ${measure.english}`, type: 'line', data: trendMonths.map((month) => trend[measure.id][month]),
    })),
  });

  // visits by member clinic: at primary level, and at the county hospital
  const members = stratifier(reports['primary-care-share'].group[0], 'member').stratum;
  bars('members', members.map(label), [
    { name: '基层 primary level', type: 'bar', stack: 'visits', data: members.map((s) => count(s, 'numerator')) },
    { name: '县级 county level', type: 'bar', stack: 'visits',
      data: members.map((s) => count(s, 'denominator') - count(s, 'numerator')) },
  ], false);

  // tri-colour counts by township
  const colours = stratifier(reports['chronic-control-rate'].group[0], 'township-grade').stratum;
  const townships = [];
  const byTownship = {};
  colours.forEach((s) => {
    const township = (s.component[0].value.coding && s.component[0].value.coding[0].display) || s.component[0].value.text;
    if (!byTownship[township]) { byTownship[township] = {}; townships.push(township); }
    byTownship[township][s.component[1].value.text] = count(s, 'denominator');
  });
  bars('grades', townships, ['green', 'yellow', 'red'].map((grade) => ({
    name: GRADE_NAMES[grade], type: 'bar', stack: 'grades', itemStyle: { color: GRADE_COLOURS[grade] },
    data: townships.map((township) => byTownship[township][grade] || 0),
  })), false);

  const keyGroups = stratifier(reports['contract-coverage'].group[0], 'key-population').stratum;
  bars('contracts', keyGroups.map(label), [{ name: '签约率 coverage', type: 'bar',
    data: keyGroups.map((s) => Number(((score(s) || 0) * 100).toFixed(1))) }], true);

  const requesters = stratifier(reports['upward-referral-count'].group[0], 'requester').stratum;
  bars('referrals', requesters.map(label), [{ name: '上转 upward', type: 'bar',
    data: requesters.map((s) => count(s, 'initial-population')) }], false);

  const programmes = stratifier(reports['chronic-control-rate'].group[0], 'programme').stratum;
  bars('control', programmes.map(label), [{ name: '控制率 control rate', type: 'bar',
    data: programmes.map((s) => Number(((score(s) || 0) * 100).toFixed(1))) }], true);

  status.textContent = `${start} — ${end}`;
  window.dashboard.ready = true;
}

async function start() {
  const params = new URLSearchParams(window.location.search);
  const groups = await fhir('/Organization?type=http://onesheet.org/fhir/CodeSystem/institution-level|group&_count=200');
  const select = document.getElementById('subject');
  (groups.entry || []).forEach((entry) => {
    const option = document.createElement('option');
    option.value = `Organization/${entry.resource.id}`;
    option.textContent = entry.resource.name;
    select.appendChild(option);
  });
  select.value = params.get('subject') || (await token()).group || select.value;
  const now = new Date();
  const thisMonth = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const sixMonthsAgo = new Date(now.getFullYear(), now.getMonth() - 5, 1);
  document.getElementById('from').value = params.get('from')
    || `${sixMonthsAgo.getFullYear()}-${String(sixMonthsAgo.getMonth() + 1).padStart(2, '0')}`;
  document.getElementById('to').value = params.get('to') || thisMonth;
  const form = document.getElementById('period');
  const show = () => draw(select.value, document.getElementById('from').value, document.getElementById('to').value)
    .catch((error) => {
      const status = document.getElementById('status');
      status.className = 'error';
      status.textContent = `出错 Error: ${error.message}`;
      window.dashboard.error = error.message;
    });
  form.addEventListener('submit', (event) => { event.preventDefault(); show(); });
  window.addEventListener('resize', () => document.querySelectorAll('.chart').forEach((el) => {
    const instance = echarts.getInstanceByDom(el);
    if (instance) { instance.resize(); }
  }));
  await show();
}

start().catch((error) => {
  document.getElementById('status').textContent = `出错 Error: ${error.message}`;
  window.dashboard.error = error.message;
});
