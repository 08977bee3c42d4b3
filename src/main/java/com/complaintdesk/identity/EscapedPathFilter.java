package com.complaintdesk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, with 400, a request for the engine REST API or the webapps whose path spells the servlet's mapping with
 * percent-escapes ({@code /%65ngine-rest/task}, {@code /camunda/api/%65ngine/…}): such a path cannot be split into
 * the servlet's and the rest (Spring's request path parsing failed on it with a 500), and no client sends one. Runs
 * before every other filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class EscapedPathFilter extends OncePerRequestFilter {

    static final List<String> PREFIXES = List.of("/engine-rest", "/camunda");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String raw = request.getRequestURI().substring(request.getContextPath().length());
        String pathInfo = request.getPathInfo();
        String decoded = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
        for (String prefix : PREFIXES) {
            // the servlet's own mapping must be spelt plainly, or the request path cannot be split into it
            if (decoded.startsWith(prefix) && !raw.startsWith(request.getServletPath())) {
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write("{\"type\":\"InvalidRequestException\",\"message\":\"The path must spell "
                        + request.getServletPath() + " without percent-escapes\"}");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
