package org.onesheet.metrics;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The group leaders' dashboard at {@code /dashboard}: one static page (built from {@code src/main/dashboard}
 * into the jar, Apache ECharts included) that reads the Measures through {@code $evaluate-measure} like any
 * other client. {@code /dashboard} becomes {@code /dashboard/} so the page's relative links resolve.
 */
@Configuration
public class DashboardPage implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/dashboard", "/dashboard/");
		registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
	}
}
