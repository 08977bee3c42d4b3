package com.complaintdesk.insights;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The analytics dashboard ({@code static/insights/}): {@code /insights/} shows a week's or a month's report with
 * charts (Chart.js, served from its webjar under {@code /webjars/}); it reads {@code /api/insights}.
 */
@Configuration
class InsightsPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/insights", "/insights/");
        registry.addViewController("/insights/").setViewName("forward:/insights/index.html");
    }
}
