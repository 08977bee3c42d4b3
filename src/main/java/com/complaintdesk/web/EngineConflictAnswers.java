package com.complaintdesk.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine REST API (and the webapps' copy of it) answers two ordinary outcomes of people working at the same time
 * with a 500: two changes of the same case at once ({@code OptimisticLockingException}, ENGINE-03005, or a row lock
 * of the case not granted in time: the first change was kept, nothing of the second) and a task completed or deleted by someone else a moment before ("Cannot
 * find task with id"). Here they become 409 and 404 with a message saying what to do, so that a client retries or
 * reloads instead of reporting a server error. Only changes (not reads) are looked at.
 */
@Component
class EngineConflictAnswers extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method)) {
            return true;
        }
        String pathInfo = request.getPathInfo();
        String path = request.getServletPath() + (pathInfo == null ? "" : pathInfo);
        return !path.startsWith("/engine-rest/") && !path.startsWith("/camunda/api/engine/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, answer);
            if (answer.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR) {
                String body = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
                if (body.contains("ENGINE-03005") || body.contains("OptimisticLockingException")
                        // a row lock of the same case not granted in time (H2's lock timeout): the same conflict
                        || body.contains("QueryTimeoutException") || body.contains("CannotAcquireLockException")
                        || body.contains("PessimisticLockingFailureException")) {
                    replace(answer, HttpServletResponse.SC_CONFLICT, "OptimisticLockingException",
                            "Someone changed this case at the same moment; nothing of this request was kept. Reload and try again.");
                } else if (body.contains("Cannot find task with id")) {
                    replace(answer, HttpServletResponse.SC_NOT_FOUND, "TaskNotFound",
                            "The task is no longer open: it was completed or deleted a moment ago. Reload the task list.");
                }
            }
        } finally {
            answer.copyBodyToResponse();
        }
    }

    private static void replace(ContentCachingResponseWrapper answer, int status, String type, String message)
            throws IOException {
        answer.resetBuffer();
        answer.setStatus(status);
        answer.setContentType(MediaType.APPLICATION_JSON_VALUE);
        answer.setCharacterEncoding(StandardCharsets.UTF_8.name());
        answer.getOutputStream().write(("{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
