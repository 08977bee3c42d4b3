package com.complaintdesk.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * Three filter chains. The platforms' webhooks ({@code /webhooks}) authenticate each delivery themselves (Meta
 * signs its body, eBay signs each notification, WeChat signs its query with the shared Token), so exactly the
 * listed webhook paths are open and everything else under {@code /webhooks} is refused. The APIs ({@code /api},
 * {@code /engine-rest}, {@code /actuator}) take HTTP Basic credentials of a Camunda user, statelessly; the webapps
 * ({@code /camunda}) keep their own session login and CSRF protection, minus the Admin app's first-run setup,
 * which is closed for good.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity
class SecurityConfig {

    private static final String REALM = "Complaint Desk";

    @Bean
    AuthenticationManager authenticationManager(CamundaUserAuthenticationProvider camundaUsers) {
        return new ProviderManager(camundaUsers);
    }

    /** The webhook paths open to unauthenticated callers: each checks the platform's signature itself. */
    static final String[] OPEN_WEBHOOKS = {"/webhooks/instagram", "/webhooks/ebay", "/webhooks/wechat"};

    @Bean
    @Order(0)
    SecurityFilterChain webhooks(HttpSecurity http) throws Exception {
        http.securityMatcher(ant("/webhooks/**"))
                // No session and no CSRF token: the platform is no browser; its signature is the authentication.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)))
                .authorizeHttpRequests(requests -> {
                    for (String path : OPEN_WEBHOOKS) {
                        requests.requestMatchers(ant(HttpMethod.GET, path), ant(HttpMethod.POST, path)).permitAll();
                    }
                    requests.anyRequest().denyAll();
                });
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apis(HttpSecurity http, AuthenticationManager authenticationManager, IdentityService identity,
            ObjectMapper json, SecurityProperties limits) throws Exception {
        BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
        entryPoint.setRealmName(REALM);
        // Ant matchers: /engine-rest is Jersey's servlet, not Spring MVC's, so MVC matchers would not match it.
        http.securityMatcher(new OrRequestMatcher(ant("/api/**"), ant("/engine-rest/**"), ant("/actuator/**")))
                .authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(ant("/actuator/health"), ant("/actuator/health/**")).permitAll()
                        .requestMatchers(ant("/actuator/**")).hasAnyRole(Roles.CAMUNDA_ADMIN, Roles.OWNERS)
                        .anyRequest().authenticated())
                .addFilterAfter(new EngineAuthenticationFilter(identity), BasicAuthenticationFilter.class)
                .addFilterAfter(new QueryGuardFilter(json, limits.maxResults(), "/engine-rest/"), EngineAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webapps(HttpSecurity http, ObjectMapper json, SecurityProperties limits) throws Exception {
        OrRequestMatcher adminSetup = new OrRequestMatcher(
                ant("/camunda/api/admin/setup/**"), ant("/camunda/app/admin/*/setup/**"));
        http.securityMatcher(ant("/**"))
                // The webapps protect themselves with their own session login and CSRF token filter.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(adminSetup).denyAll()
                        .anyRequest().permitAll())
                .addFilterBefore(new QueryGuardFilter(json, limits.maxResults(), "/camunda/api/"),
                        BasicAuthenticationFilter.class);
        return http.build();
    }

    private static AntPathRequestMatcher ant(String pattern) {
        return AntPathRequestMatcher.antMatcher(pattern);
    }

    private static AntPathRequestMatcher ant(HttpMethod method, String pattern) {
        return AntPathRequestMatcher.antMatcher(method, pattern);
    }
}
