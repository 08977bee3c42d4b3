package com.complaintdesk.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.fileupload.FileItemIterator;
import org.apache.commons.fileupload.FileItemStream;
import org.apache.commons.fileupload.FileUpload;
import org.apache.commons.fileupload.FileUploadException;
import org.apache.commons.fileupload.RequestContext;

/**
 * What a request to the engine API may carry, checked on its query and body as the engine will read them:
 * <ul>
 *   <li>no {@code orQueries} (the expression-injection hole of Camunda 7.24 CE task queries) and no expression
 *       ({@code ${…}}, {@code #{…}}) anywhere but in the values of variables, which the engine stores and never
 *       evaluates;</li>
 *   <li>no variable of a type the sender names: {@code Object} (a Java class the server would build), Java
 *       serialization, or any type but the primitive ones and JSON; as JSON in any body and as a multipart
 *       variable upload;</li>
 *   <li>no {@code maxResults} above the cap.</li>
 * </ul>
 */
final class RequestContent {

    static final String OR_QUERIES = "orQueries";

    /** The variable types a sender may name: values, never a class to build. */
    static final Set<String> VALUE_TYPES =
            Set.of("string", "boolean", "integer", "long", "short", "double", "date", "null", "json");

    private final ObjectMapper json;
    private final int maxResults;

    RequestContent(ObjectMapper json, int maxResults) {
        this.json = json;
        this.maxResults = maxResults;
    }

    Optional<String> checkQuery(Map<String, List<String>> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            for (String value : parameter.getValue()) {
                if (name.toLowerCase(Locale.ROOT).contains(OR_QUERIES.toLowerCase(Locale.ROOT))
                        && !value.isBlank()
                        && !value.trim().equals("[]")) {
                    return Optional.of("Query parameter '" + name + "': orQueries are not accepted");
                }
                if (isExpression(name) || isExpression(value)) {
                    return Optional.of("Query parameter '" + name + "': expressions are not accepted");
                }
                if ("maxResults".equals(name) && exceedsCap(value)) {
                    return Optional.of("Query parameter 'maxResults' must not exceed " + maxResults);
                }
            }
        }
        return Optional.empty();
    }

    /** The body as JSON, or the reason it is not acceptable JSON. */
    JsonNode parse(byte[] body) throws CanonicalRequest.Unreadable {
        if (body.length == 0) {
            return json.nullNode();
        }
        try {
            JsonNode root = json.readTree(body);
            return root == null ? json.nullNode() : root;
        } catch (JsonProcessingException e) {
            throw new CanonicalRequest.Unreadable("The request body is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new CanonicalRequest.Unreadable("The request body cannot be read");
        }
    }

    Optional<String> checkJson(JsonNode root) {
        if (root.has("maxResults")
                && root.get("maxResults").canConvertToLong()
                && root.get("maxResults").asLong() > maxResults) {
            return Optional.of("'maxResults' must not exceed " + maxResults);
        }
        return check(root, "", true, true);
    }

    /**
     * The parts of a multipart body (a deployment, a variable upload): a variable's {@code valueType} must be a
     * value type, bytes or a file; a deployment must not declare a document type (the door of XML external entities).
     */
    Optional<String> checkMultipart(byte[] body, String contentType) throws CanonicalRequest.Unreadable {
        try {
            FileItemIterator parts = new FileUpload().getItemIterator(new BytesContext(body, contentType));
            while (parts.hasNext()) {
                FileItemStream part = parts.next();
                byte[] content;
                try (InputStream in = part.openStream()) {
                    content = in.readAllBytes();
                }
                if ("valueType".equals(part.getFieldName())) {
                    String type =
                            new String(content, StandardCharsets.UTF_8).trim().toLowerCase(Locale.ROOT);
                    if (!type.equals("bytes") && !type.equals("file") && !VALUE_TYPES.contains(type)) {
                        return Optional.of("Variables of type '" + type.replaceAll("[^a-z0-9_.-]", "?")
                                + "' are not accepted: send a value (String, Boolean, number, Date, Json) or a file");
                    }
                }
                if (hasDoctype(content)) {
                    return Optional.of("'" + (part.getName() == null ? part.getFieldName() : part.getName())
                            + "' must not contain a document type declaration (<!DOCTYPE)");
                }
            }
        } catch (FileUploadException | IOException | RuntimeException e) {
            throw new CanonicalRequest.Unreadable("The multipart body cannot be read: " + e.getMessage());
        }
        return Optional.empty();
    }

    private static boolean hasDoctype(byte[] content) {
        for (Charset charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
            String text = new String(content, charset).toLowerCase(Locale.ROOT);
            if (text.contains("<!doctype")) {
                return true;
            }
        }
        return false;
    }

    /**
     * @param expressions whether expressions are looked for here (not in the values of variables, which are data);
     *                    variable types are looked at everywhere
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
        Optional<String> typed = checkTyped(node, path);
        if (typed.isPresent()) {
            return typed;
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
            boolean variableValues = topLevel
                    && (name.equals("variables")
                            || name.equals("modifications")
                            || name.equals("processVariables")
                            || name.equals("localVariables"));
            Optional<String> problem = check(value, fieldPath, false, expressions && !variableValues);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** A typed value ({@code {"value": …, "type": …, "valueInfo": …}}) must name a value type and no class. */
    private static Optional<String> checkTyped(JsonNode node, String path) {
        JsonNode valueInfo = node.path("valueInfo");
        if (valueInfo.isObject()) {
            for (String key : List.of("objectTypeName", "serializationDataFormat")) {
                if (valueInfo.has(key)) {
                    return Optional.of("'" + path + ".valueInfo." + key + "': objects of a named type are not accepted"
                            + " (send the value as String, Boolean, number, Date or Json)");
                }
            }
        }
        JsonNode type = node.path("type");
        if (type.isTextual()
                && (node.has("value") || node.has("valueInfo"))
                && !VALUE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT))) {
            return Optional.of("'" + (path.isEmpty() ? "type" : path + ".type") + "': variables of type '"
                    + type.asText() + "' are not accepted (send the value as String, Boolean, number, Date or Json)");
        }
        return Optional.empty();
    }

    private boolean exceedsCap(String value) {
        try {
            return Long.parseLong(value.trim()) > maxResults;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static boolean isExpression(String value) {
        return value != null && (value.contains("${") || value.contains("#{"));
    }

    /** A multipart body already read, for the same parser the engine REST API uses. */
    private record BytesContext(byte[] body, String contentType) implements RequestContext {
        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        @Deprecated
        public int getContentLength() {
            return body.length;
        }

        @Override
        public InputStream getInputStream() {
            return new ByteArrayInputStream(body);
        }
    }
}
