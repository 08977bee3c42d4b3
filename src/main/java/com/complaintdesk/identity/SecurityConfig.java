package com.complaintdesk.identity;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Five filter chains. The customer's choice page ({@code /choice}) is open, its signed link being the credential,
 * with CSRF protection for its form. The platforms' webhooks ({@code /webhooks}) authenticate each delivery themselves (Meta
 * signs its body, eBay signs each notification, WeChat signs its query with the shared Token), so exactly the
 * listed webhook paths are open and everything else under {@code /webhooks} is refused. The APIs ({@code /api},
 * {@code /engine-rest}, {@code /actuator}) take HTTP Basic credentials of a Camunda user, statelessly; the webapps
 * ({@code /camunda}) keep their own session login and CSRF protection, minus the Admin app's first-run setup,
 * which is closed for good. The auditors' pages and API ({@code /audit}, {@code /api/audit}) are read-only and for
 * auditors, supervisors, owners and administrators: HTTP Basic, or the session of a Cockpit or Tasklist login in the
 * same browser. An auditor changes nothing: no {@code /api} request but a read, and the engine's authorizations give
 * auditors only read permissions ({@link RoleAuthorizations}). The complaint analytics ({@code /insights},
 * {@code /api/insights}) are read the same ways by management, process owners, auditors and the product team; owners,
 * process owners and administrators also record the channels' review totals there.
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
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)))
                .authorizeHttpRequests(requests -> {
                    for (String path : OPEN_WEBHOOKS) {
                        requests.requestMatchers(ant(HttpMethod.GET, path), ant(HttpMethod.POST, path))
                                .permitAll();
                    }
                    requests.anyRequest().denyAll();
                });
        return http.build();
    }

    /**
     * C2: the customer's choice page. Open to anyone: the signed, expiring, single-use token in the path is the
     * credential. The form posts back with the CSRF token of the session the page opened, so no other site can make
     * a customer's browser choose; the page is never cached, framed or sent on as a referrer.
     */
    @Bean
    @Order(-1)
    SecurityFilterChain choicePage(HttpSecurity http) throws Exception {
        http.securityMatcher(ant("/choice/**"))
                .csrf(Customizer.withDefaults())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives(
                                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, denied) -> {
                    // a missing or stale CSRF token: e.g. the page was open for very long, or posted from elsewhere
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    response.setContentType("text/html;charset=UTF-8");
                    response.getWriter()
                            .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Please try again / 请重试"
                                    + "</title></head><body><main><h1>Please try again / 请重试</h1><p>Nothing was changed. Please open the "
                                    + "link from our message again and choose once more.</p><p lang=\"zh-CN\">没有做任何更改。请重新打开我们消息中的"
                                    + "链接再选择一次。</p></main></body></html>");
                }))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                ant(HttpMethod.GET, "/choice/*"), ant(HttpMethod.POST, "/choice/*"))
                        .permitAll()
                        .anyRequest()
                        .denyAll());
        return http.build();
    }

    /** Who may open a case, import complaints and report engagement (T6). */
    static final String[] CASE_WORKERS = {Roles.AGENTS, Roles.SUPERVISORS, Roles.CAMUNDA_ADMIN};

    /** Who may read the auditors' pages and API. */
    static final String[] AUDIT_READERS = {Roles.AUDITORS, Roles.SUPERVISORS, Roles.OWNERS, Roles.CAMUNDA_ADMIN};

    /** Who may read the complaint analytics (A1–A5): management, process owners, auditors and the product team. */
    static final String[] INSIGHTS_READERS = {
        Roles.OWNERS, Roles.SUPERVISORS, Roles.PROCESS_OWNERS, Roles.AUDITORS, Roles.PRODUCT, Roles.CAMUNDA_ADMIN
    };

    /** Who may record the channels' review totals (A5), the only change the analytics take. */
    static final String[] INSIGHTS_RECORDERS = {Roles.OWNERS, Roles.PROCESS_OWNERS, Roles.CAMUNDA_ADMIN};

    @Bean
    @Order(1)
    SecurityFilterChain audit(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            IdentityService identity,
            ProcessEngine engine,
            EngineAuthentication engineAuthentication)
            throws Exception {
        return pagesAndApi(
                http,
                authenticationManager,
                identity,
                engine,
                engineAuthentication,
                new OrRequestMatcher(ant("/audit"), ant("/audit/**"), ant("/api/audit/**")),
                requests -> requests
                        // Nothing here changes anything (only GET and HEAD are let through).
                        .requestMatchers(ant(HttpMethod.GET, "/**"), ant(HttpMethod.HEAD, "/**"))
                        .hasAnyRole(AUDIT_READERS)
                        .anyRequest()
                        .denyAll());
    }

    @Bean
    @Order(1)
    SecurityFilterChain insights(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            IdentityService identity,
            ProcessEngine engine,
            EngineAuthentication engineAuthentication)
            throws Exception {
        return pagesAndApi(
                http,
                authenticationManager,
                identity,
                engine,
                engineAuthentication,
                new OrRequestMatcher(ant("/insights"), ant("/insights/**"), ant("/api/insights/**")),
                requests -> requests.requestMatchers(ant(HttpMethod.GET, "/**"), ant(HttpMethod.HEAD, "/**"))
                        .hasAnyRole(INSIGHTS_READERS)
                        .requestMatchers(ant(HttpMethod.PUT, "/api/insights/review-totals/**"))
                        .hasAnyRole(INSIGHTS_RECORDERS)
                        .anyRequest()
                        .denyAll());
    }

    /**
     * A chain for pages and their API read in a browser logged in to Cockpit or Tasklist, or with HTTP Basic. Its
     * only changes are PUTs with a JSON body, which another site cannot send: the browser asks first (CORS
     * preflight) and nothing here answers yes, so CSRF tokens are not needed.
     */
    private static SecurityFilterChain pagesAndApi(
            HttpSecurity http,
            AuthenticationManager authenticationManager,
            IdentityService identity,
            ProcessEngine engine,
            EngineAuthentication engineAuthentication,
            RequestMatcher scope,
            Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> rules)
            throws Exception {
        AuthenticationEntryPoint entryPoint = entryPoint();
        http.securityMatcher(scope)
                .authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(PAGES_CSP)))
                // A webapp session is only read here: its id was renewed when its user logged in; renewing it on
                // every read would break the Cockpit and Tasklist requests still under way with the old id.
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(fixation -> fixation.none()))
                .requestCache(cache -> cache.disable())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(rules)
                .addFilterAfter(new CrossSiteChangesFilter(), BasicAuthenticationFilter.class)
                .addFilterAfter(
                        new WebappSessionAuthenticationFilter(engine.getName(), identity, engineAuthentication),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineAuthenticationFilter(identity), WebappSessionAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apis(HttpSecurity http, AuthenticationManager authenticationManager, IdentityService identity)
            throws Exception {
        AuthenticationEntryPoint entryPoint = entryPoint();
        // Ant matchers: /engine-rest is Jersey's servlet, not Spring MVC's, so MVC matchers would not match it.
        http.securityMatcher(new OrRequestMatcher(ant("/api/**"), ant("/engine-rest/**"), ant("/actuator/**")))
                .authenticationManager(authenticationManager)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(entryPoint))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(entryPoint))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                ant("/actuator/health"), ant("/actuator/health/**"))
                        .permitAll()
                        .requestMatchers(ant("/actuator/**"))
                        .hasAnyRole(Roles.CAMUNDA_ADMIN, Roles.OWNERS)
                        // An auditor reads: whatever an /api endpoint may allow, a change needs another role too.
                        .requestMatchers(
                                ant(HttpMethod.GET, "/api/**"),
                                ant(HttpMethod.HEAD, "/api/**"),
                                ant(HttpMethod.OPTIONS, "/api/**"))
                        .authenticated()
                        // who may open a case or report on one, decided before the body is read: a role that may not
                        // learns nothing of what the request would need (the controllers check again)
                        .requestMatchers(
                                ant(HttpMethod.POST, "/api/complaints"),
                                ant(HttpMethod.POST, "/api/complaints/import"),
                                ant(HttpMethod.POST, "/api/complaints/*/engagement"))
                        .hasAnyRole(CASE_WORKERS)
                        .requestMatchers(ant("/api/**"))
                        .access(SecurityConfig::notOnlyAnAuditor)
                        .anyRequest()
                        .authenticated())
                .addFilterAfter(new EngineAuthenticationFilter(identity), BasicAuthenticationFilter.class)
                // /api's changes from another site's page; /engine-rest's are refused by the engine guard
                .addFilterAfter(new CrossSiteChangesFilter(), EngineAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain webapps(HttpSecurity http) throws Exception {
        OrRequestMatcher adminSetup =
                new OrRequestMatcher(ant("/camunda/api/admin/setup/**"), ant("/camunda/app/admin/*/setup/**"));
        http.securityMatcher(ant("/**"))
                // The webapps protect themselves with their own session login and CSRF token filter.
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.FORBIDDEN)))
                .authorizeHttpRequests(requests -> requests.requestMatchers(adminSetup)
                        .denyAll()
                        .anyRequest()
                        .permitAll());
        return http.build();
    }

    /**
     * The pages' Content-Security-Policy: their own scripts and styles only (and the style attributes of their
     * markup), no framing, no plugins, requests only to this server.
     */
    static final String PAGES_CSP =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                    + "connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    /**
     * 401 for a request without credentials: machine clients get HTTP Basic's challenge; a browser (it announces
     * itself with Fetch Metadata, or asks for a page) does not, so it never shows its own login dialog and never
     * keeps Basic credentials that another site's page could make it send. People log in to Tasklist or Cockpit
     * instead, and the pages use that session.
     */
    static AuthenticationEntryPoint entryPoint() {
        BasicAuthenticationEntryPoint basic = new BasicAuthenticationEntryPoint();
        basic.setRealmName(REALM);
        return (request, response, exception) -> {
            String accept = request.getHeader("Accept");
            boolean browser =
                    request.getHeader("Sec-Fetch-Mode") != null || accept != null && accept.contains("text/html");
            if (!browser) {
                basic.commence(request, response, exception);
                return;
            }
            response.setStatus(HttpStatus.UNAUTHORIZED.value());
            response.setHeader("Cache-Control", "no-store");
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter()
                    .write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Please log in / 请先登录"
                            + "</title></head><body><main><h1>Please log in / 请先登录</h1><p>Log in to <a href=\"/camunda/app/tasklist/\">Tasklist</a>"
                            + " or <a href=\"/camunda/app/cockpit/\">Cockpit</a> first, then open this page again.</p>"
                            + "<p lang=\"zh-CN\">请先登录 <a href=\"/camunda/app/tasklist/\">Tasklist</a> 或 <a href=\"/camunda/app/cockpit/\">Cockpit</a>，"
                            + "然后重新打开此页面。</p></main></body></html>");
        };
    }

    /** Granted to a caller with any group besides the auditors (a user may be an auditor and an agent). */
    static AuthorizationDecision notOnlyAnAuditor(
            Supplier<Authentication> caller, RequestAuthorizationContext request) {
        Authentication authentication = caller.get();
        boolean otherRole = authentication != null
                && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(a -> a.startsWith("ROLE_") && !a.equals("ROLE_" + Roles.AUDITORS));
        return new AuthorizationDecision(otherRole);
    }

    private static AntPathRequestMatcher ant(String pattern) {
        return AntPathRequestMatcher.antMatcher(pattern);
    }

    private static AntPathRequestMatcher ant(HttpMethod method, String pattern) {
        return AntPathRequestMatcher.antMatcher(method, pattern);
    }
}
