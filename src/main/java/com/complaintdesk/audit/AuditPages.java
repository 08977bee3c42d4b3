package com.complaintdesk.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The auditors' pages ({@code static/audit/}): {@code /audit/} is the search, {@code /audit/case.html?id=…} a
 * case's printable file, {@code /audit/timeline.html?id=…} its printable timeline. All read {@code /api/audit/cases}.
 */
@Configuration
class AuditPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/audit", "/audit/");
        registry.addViewController("/audit/").setViewName("forward:/audit/index.html");
    }
}
