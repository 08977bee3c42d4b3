package com.complaintdesk.identity;

import com.complaintdesk.engine.EngineCaller;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes the authenticated caller of {@code /api} and {@code /engine-rest} the engine's current user for the
 * whole request, so authorization checks apply to them and the user operation log names them.
 */
class EngineAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identity;

    EngineAuthenticationFilter(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null
                || !caller.isAuthenticated()
                || caller.getAuthorities().isEmpty() && caller.getName() == null) {
            chain.doFilter(request, response);
            return;
        }
        identity.setAuthentication(caller.getName(), EngineCaller.groups(caller.getAuthorities()));
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
