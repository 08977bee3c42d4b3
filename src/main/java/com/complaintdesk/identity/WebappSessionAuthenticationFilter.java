package com.complaintdesk.identity;

import com.complaintdesk.engine.EngineCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a person who logged in to Cockpit or Tasklist in this browser use the auditors' pages without logging in
 * again: the Camunda webapps' session names the user; their groups are read from the engine on every request, so
 * a user removed from a group or deleted loses access at once. Requests that bring HTTP Basic credentials are
 * left to those.
 */
class WebappSessionAuthenticationFilter extends OncePerRequestFilter {

    private final SecurityContextRepository contexts = new RequestAttributeSecurityContextRepository();
    private final String engineName;
    private final IdentityService identity;
    private final EngineAuthentication engineAuthentication;

    WebappSessionAuthenticationFilter(
            String engineName, IdentityService identity, EngineAuthentication engineAuthentication) {
        this.engineName = engineName;
        this.identity = identity;
        this.engineAuthentication = engineAuthentication;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String userId = SecurityContextHolder.getContext().getAuthentication() == null ? webappUser(request) : null;
        if (userId != null && identity.createUserQuery().userId(userId).count() == 1) {
            List<SimpleGrantedAuthority> authorities = engineAuthentication.groupsOf(userId).stream()
                    .map(group -> new SimpleGrantedAuthority("ROLE_" + group))
                    .toList();
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities));
            SecurityContextHolder.setContext(context);
            // kept for the rest of the request, e.g. the forward from /audit/ to its page
            contexts.saveContext(context, request, response);
        }
        chain.doFilter(request, response);
    }

    private String webappUser(HttpServletRequest request) {
        return EngineCaller.webappUser(request, engineName).orElse(null);
    }
}
