package com.complaintdesk.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import com.complaintdesk.web.CachedBodyRequest;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Closes the expression-injection hole of Camunda 7.24 CE task queries before a request reaches the engine:
 * on the engine REST API and the webapps' engine API it refuses, with 400 and a message,
 * <ul>
 *   <li>any {@code orQueries} entry, as a query parameter or anywhere in a JSON body;</li>
 *   <li>any query parameter, or JSON string, carrying an expression ({@code ${…}} or {@code #{…}}), except the
 *       values under a top-level {@code variables} or {@code modifications} object, which are data the engine
 *       stores and never evaluates;</li>
 *   <li>a {@code maxResults} above the configured cap.</li>
 * </ul>
 * Stored Tasklist filters created by the application keep their expressions: those are not sent by callers.
 */
class QueryGuardFilter extends OncePerRequestFilter {

    static final String OR_QUERIES = "orQueries";

    private final ObjectMapper json;
    private final int maxResults;
    private final String pathPrefix;

    /** Guards the requests whose path (after the context path) starts with {@code pathPrefix}. */
    QueryGuardFilter(ObjectMapper json, int maxResults, String pathPrefix) {
        this.json = json;
        this.maxResults = maxResults;
        this.pathPrefix = pathPrefix;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + pathPrefix);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = checkParameters(queryParameters(request.getQueryString()));
        HttpServletRequest forwarded = request;
        if (problem.isEmpty() && isJson(request)) {
            byte[] body = request.getInputStream().readAllBytes();
            problem = checkBody(body);
            forwarded = new CachedBodyRequest(request, body);
        }
        if (problem.isPresent()) {
            reject(response, problem.get());
            return;
        }
        chain.doFilter(forwarded, response);
    }

    Optional<String> checkParameters(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            for (String value : parameter.getValue()) {
                if (name.toLowerCase().contains(OR_QUERIES.toLowerCase()) && value != null && !value.isBlank()
                        && !value.trim().equals("[]")) {
                    return Optional.of("Query parameter '" + name + "': orQueries are not accepted");
                }
                if (isExpression(name) || isExpression(value)) {
                    return Optional.of("Query parameter '" + name + "': expressions are not accepted");
                }
                if ("maxResults".equals(name) && value != null && exceedsCap(value)) {
                    return Optional.of("Query parameter 'maxResults' must not exceed " + maxResults);
                }
            }
        }
        return Optional.empty();
    }

    Optional<String> checkBody(byte[] body) {
        if (body.length == 0) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            return Optional.of("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            return Optional.of("The request body cannot be read");
        }
        if (root == null) {
            return Optional.empty();
        }
        if (root.has("maxResults") && root.get("maxResults").canConvertToLong() && root.get("maxResults").asLong() > maxResults) {
            return Optional.of("'maxResults' must not exceed " + maxResults);
        }
        return check(root, "", true);
    }

    private Optional<String> check(JsonNode node, String path, boolean topLevel) {
        if (node.isTextual()) {
            return isExpression(node.asText())
                    ? Optional.of("'" + (path.isEmpty() ? "body" : path) + "': expressions are not accepted")
                    : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> problem = check(node.get(i), path + "[" + i + "]", false);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            String fieldPath = path.isEmpty() ? name : path + "." + name;
            JsonNode value = field.getValue();
            if (name.equalsIgnoreCase(OR_QUERIES) && !(value.isNull() || value.isContainerNode() && value.isEmpty())) {
                return Optional.of("'" + fieldPath + "': orQueries are not accepted");
            }
            if (isExpression(name)) {
                return Optional.of("'" + fieldPath + "': expressions are not accepted");
            }
            if (topLevel && (name.equals("variables") || name.equals("modifications"))) {
                continue;
            }
            Optional<String> problem = check(value, fieldPath, false);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /**
     * The query string's parameters, parsed here rather than with getParameterMap(), which would consume the
     * body of a form post (the webapps' login) before the servlet behind reads it.
     */
    static Map<String, String[]> queryParameters(String query) {
        Map<String, java.util.List<String>> parameters = new java.util.LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
            }
        }
        Map<String, String[]> result = new java.util.LinkedHashMap<>();
        parameters.forEach((name, values) -> result.put(name, values.toArray(String[]::new)));
        return result;
    }

    private static String decode(String text) {
        try {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a malformed escape is kept as it is, and still checked
        }
    }

    private boolean exceedsCap(String value) {
        try {
            return Long.parseLong(value.trim()) > maxResults;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    private static boolean isJson(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().contains("json");
    }

    private void reject(HttpServletResponse response, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(Map.of("type", "InvalidRequestException", "message", message)));
    }
}
