package com.complaintdesk.forms;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter that sees every task completion before the engine does, from Tasklist (its session API) or the engine
 * REST API alike: {@code POST …/task/{id}/submit-form} and {@code …/complete}. Every other request passes by.
 */
public abstract class TaskCompletionFilter extends OncePerRequestFilter {

    private static final Pattern COMPLETION =
            Pattern.compile(".*/(?:engine-rest|camunda/api/engine/engine/[^/]+)/task/([^/]+)/(?:submit-form|complete)$");

    @Override
    protected final boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !COMPLETION.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected final void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher matcher = COMPLETION.matcher(request.getRequestURI());
        filterCompletion(matcher.matches() ? matcher.group(1) : null, request, response, chain);
    }

    /** Handles the completion of task {@code taskId}: answers it, or passes it on down {@code chain}. */
    protected abstract void filterCompletion(String taskId, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException;
}
