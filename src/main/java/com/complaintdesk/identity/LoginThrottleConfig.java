package com.complaintdesk.identity;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the {@link LoginThrottleFilter} in front of Spring Security's filters, for every request. */
@Configuration
class LoginThrottleConfig {

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
        FilterRegistrationBean<LoginThrottleFilter> registration =
                new FilterRegistrationBean<>(new LoginThrottleFilter(throttle));
        registration.addUrlPatterns("/*");
        // after the forwarded headers (highest precedence) and the request context (-105), before Spring Security
        // (-100)
        registration.setOrder(
                org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER - 1);
        return registration;
    }
}
