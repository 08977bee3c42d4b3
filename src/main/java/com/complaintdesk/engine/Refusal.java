package com.complaintdesk.engine;

import com.complaintdesk.web.FieldProblem;
import java.util.List;

/**
 * A request the engine guard answers itself, without the engine: a status, a type, a message for the person and,
 * for a form, what is wrong with each field.
 */
public record Refusal(int status, String type, String message, List<FieldProblem> errors) {

    public Refusal {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Refusal badRequest(String message) {
        return new Refusal(400, "InvalidRequestException", message, List.of());
    }

    public static Refusal forbidden(String message) {
        return new Refusal(403, "AccessDenied", message, List.of());
    }
}
