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
 *   <li>a {@code maxResults} above the configured cap;</li>
 *   <li>a variable in Java's serialization format ({@code application/x-java-serialized-object}), anywhere in a JSON
 *       body, which the engine refuses too ({@code javaSerializationFormatEnabled} is {@code false} by default) but
 *       with a 500;</li>
 *   <li>a deployment holding a document type declaration ({@code <!DOCTYPE}), the door of XML external entities,
 *       which the engine's parser refuses too, with a 500;</li>
 *   <li>a JSON body above {@value #MAX_JSON_BODY} bytes or a deployment above {@value #MAX_DEPLOYMENT_BODY} (413).</li>
 * </ul>
 * The path is matched decoded, as the servlets behind see it (a prefix spelt with percent-escapes is refused
 * before, by {@link EscapedPathFilter}).
 * Stored Tasklist filters created by the application keep their expressions: those are not sent by callers.
 */
class QueryGuardFilter extends OncePerRequestFilter {

    static final String OR_QUERIES = "orQueries";
    static final String JAVA_SERIALIZED = "application/x-java-serialized-object";
    /** Engine queries, task forms and variables are small; a larger JSON body is refused before it is buffered. */
    static final int MAX_JSON_BODY = 10 * 1024 * 1024;
    /** A deployment of processes, decisions and forms. */
    static final int MAX_DEPLOYMENT_BODY = 50 * 1024 * 1024;

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
        return !decodedPath(request).startsWith(pathPrefix);
    }

    /** The path after the context path, decoded and normalised, as the servlet container maps it. */
    private static String decodedPath(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        return request.getServletPath() + (pathInfo == null ? "" : pathInfo);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> problem = checkParameters(queryParameters(request.getQueryString()));
        HttpServletRequest forwarded = request;
        if (problem.isEmpty() && (isJson(request) || isDeployment(request))) {
            int limit = isJson(request) ? MAX_JSON_BODY : MAX_DEPLOYMENT_BODY;
            byte[] body = request.getInputStream().readNBytes(limit + 1);
            if (body.length > limit) {
                reject(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        "The request body must not be larger than " + limit + " bytes");
                return;
            }
            problem = isJson(request) ? checkBody(body) : checkDeployment(body);
            forwarded = new CachedBodyRequest(request, body);
        }
        if (problem.isPresent()) {
            reject(response, HttpServletResponse.SC_BAD_REQUEST, problem.get());
            return;
        }
        chain.doFilter(forwarded, response);
    }

    /**
     * A deployment's files (multipart) must not declare a document type: no BPMN, DMN or form needs one, and it is
     * how XML external entities come in. Looked for in UTF-8 and in UTF-16 of either byte order.
     */
    Optional<String> checkDeployment(byte[] body) {
        for (java.nio.charset.Charset charset : java.util.List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE,
                StandardCharsets.UTF_16LE)) {
            if (contains(body, "<!DOCTYPE".getBytes(charset)) || contains(body, "<!doctype".getBytes(charset))) {
                return Optional.of("A deployment must not contain a document type declaration (<!DOCTYPE)");
            }
        }
        return Optional.empty();
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
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
        return check(root, "", true, true);
    }

    /**
     * @param expressions whether expressions are looked for here (not in the values of variables, which are data);
     *                    Java serialized variables are looked for everywhere
     */
    private Optional<String> check(JsonNode node, String path, boolean topLevel, boolean expressions) {
        if (node.isTextual()) {
            return expressions && isExpression(node.asText())
                    ? Optional.of("'" + (path.isEmpty() ? "body" : path) + "': expressions are not accepted")
                    : Optional.empty();
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> problem = check(node.get(i), path + "[" + i + "]", false, expressions);
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
            if (expressions && isExpression(name)) {
                return Optional.of("'" + fieldPath + "': expressions are not accepted");
            }
            if (name.equalsIgnoreCase("serializationDataFormat") && value.isTextual()
                    && value.asText().toLowerCase(java.util.Locale.ROOT).contains(JAVA_SERIALIZED)) {
                return Optional.of("'" + fieldPath + "': Java serialized objects are not accepted (use application/json)");
            }
            boolean variableValues = topLevel && (name.equals("variables") || name.equals("modifications"));
            Optional<String> problem = check(value, fieldPath, false, expressions && !variableValues);
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

    /** A new deployment: {@code …/deployment/create} as multipart form data. */
    private static boolean isDeployment(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/") && decodedPath(request).endsWith("/deployment/create");
    }

    private void reject(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(Map.of("type", "InvalidRequestException", "message", message)));
    }
}
