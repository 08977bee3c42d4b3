package com.complaintdesk.compensation;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ChoicePageConfig {

    /** After Spring Security (the caller is the engine's current user) and before the form checks. */
    @Bean
    FilterRegistrationBean<ChoiceRaceGuard> choiceRaceGuard(TaskService tasks, HistoryService history,
            IdentityService identity, ObjectMapper json) {
        FilterRegistrationBean<ChoiceRaceGuard> registration =
                new FilterRegistrationBean<>(new ChoiceRaceGuard(tasks, history, identity, json));
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 5);
        return registration;
    }
}
