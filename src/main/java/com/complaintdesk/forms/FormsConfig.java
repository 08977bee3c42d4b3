package com.complaintdesk.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class FormsConfig {

    /** After Spring Security, so a REST caller is already the engine's current user. */
    @Bean
    FilterRegistrationBean<TaskFormGuard> taskFormGuard(FormService forms, TaskService tasks, IdentityService identity,
            ObjectMapper json, SubmissionRules submissionRules) {
        FilterRegistrationBean<TaskFormGuard> registration =
                new FilterRegistrationBean<>(new TaskFormGuard(forms, tasks, identity, json, submissionRules));
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
        return registration;
    }
}
