package com.complaintdesk.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The {@link EngineGuard}: its reading stage first of all filters, its deciding stage right after Spring Security. */
@Configuration
class EngineGuardConfig {

    @Bean
    EngineGuard engineGuard(
            ProcessEngine engine,
            ObjectMapper json,
            @Value("${complaintdesk.security.max-results}") int maxResults,
            IdentityService identity,
            ManagementService management,
            EngineRunner runner,
            List<TaskCompletionCheck> completionChecks,
            ApplicationEventPublisher events) {
        return new EngineGuard(
                engine.getName(), json, maxResults, identity, management, runner, completionChecks, events);
    }

    @Bean
    FilterRegistrationBean<EngineGuard.Reading> engineGuardReading(EngineGuard guard) {
        FilterRegistrationBean<EngineGuard.Reading> registration = new FilterRegistrationBean<>(guard.reading());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineGuard.Deciding> engineGuardDeciding(EngineGuard guard) {
        FilterRegistrationBean<EngineGuard.Deciding> registration = new FilterRegistrationBean<>(guard.deciding());
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
