package com.complaintdesk.identity;

import com.complaintdesk.engine.EngineGuard;
import com.complaintdesk.engine.Refusal;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a change to {@code /api} (any method but GET, HEAD, OPTIONS) sent by another site's page, as the
 * browser tells in Fetch Metadata and {@code Origin} ({@link EngineGuard#crossSite}); machine clients send neither.
 */
class CrossSiteChangesFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return SAFE.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Refusal> refused = EngineGuard.crossSite(request);
        if (refused.isPresent()) {
            refused.get().writeTo(response, JSON);
            return;
        }
        chain.doFilter(request, response);
    }
}
