package com.complaintdesk.engine;

import com.complaintdesk.web.FieldProblem;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;

/**
 * A request the engine guard answers itself, without the engine: a status, a type, a message for the person and,
 * for a form, what is wrong with each field.
 */
public record Refusal(int status, String type, String message, List<FieldProblem> errors) {

    public Refusal {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** Answers the request with this refusal: its status and {@code {"type", "message", "errors"?}} as JSON. */
    public void writeTo(HttpServletResponse response, ObjectMapper json) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("message", message);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(json.writeValueAsBytes(body));
    }

    public static Refusal badRequest(String message) {
        return new Refusal(400, "InvalidRequestException", message, List.of());
    }

    public static Refusal forbidden(String message) {
        return new Refusal(403, "AccessDenied", message, List.of());
    }
}
