package com.complaintdesk.forms;

import com.complaintdesk.web.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules a Camunda Form states for its fields (required, the values of a select or radio, lengths, number
 * ranges, patterns), read from the deployed form itself. Tasklist enforces them only in the browser; the
 * application enforces the same rules on every submission, so the form stays the one place they are written.
 */
public final class FormRules {

    /** One input field of a form; read-only (disabled) fields and layout components have no rules. */
    record Field(String key, String label, boolean required, Set<String> allowedValues, Integer minLength,
            Integer maxLength, Double min, Double max, Pattern pattern) {}

    private final List<Field> fields;

    private FormRules(List<Field> fields) {
        this.fields = List.copyOf(fields);
    }

    public static FormRules of(JsonNode form) {
        List<Field> fields = new ArrayList<>();
        collect(form.path("components"), fields);
        return new FormRules(fields);
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            String key = component.path("key").asText(null);
            if (key == null || component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false)) {
                continue;
            }
            JsonNode validate = component.path("validate");
            Set<String> allowed = null;
            if (component.has("values")) {
                allowed = new LinkedHashSet<>();
                for (JsonNode value : component.path("values")) {
                    allowed.add(value.path("value").asText());
                }
            }
            fields.add(new Field(key, component.path("label").asText(key), validate.path("required").asBoolean(false),
                    allowed, intOrNull(validate, "minLength"), intOrNull(validate, "maxLength"),
                    doubleOrNull(validate, "min"), doubleOrNull(validate, "max"),
                    validate.hasNonNull("pattern") ? Pattern.compile(validate.path("pattern").asText()) : null));
        }
    }

    /**
     * What is wrong with a submission. A field not submitted keeps the value the case already has
     * ({@code current}), as Tasklist would have sent it prefilled.
     */
    public List<FieldProblem> check(Map<String, Object> submitted, Map<String, Object> current) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Field field : fields) {
            Object value = submitted.containsKey(field.key()) ? submitted.get(field.key()) : current.get(field.key());
            boolean empty = value == null || value instanceof String s && s.isBlank();
            if (empty) {
                if (field.required()) {
                    problems.add(new FieldProblem(field.key(), "is required (" + field.label() + ")"));
                }
                continue;
            }
            if (!submitted.containsKey(field.key())) {
                continue;
            }
            String text = String.valueOf(value);
            if (field.allowedValues() != null && !(value instanceof Boolean) && !field.allowedValues().contains(text)) {
                problems.add(new FieldProblem(field.key(), "must be one of " + field.allowedValues() + " but was '" + text + "'"));
            }
            if (field.minLength() != null && text.length() < field.minLength()) {
                problems.add(new FieldProblem(field.key(), "must have at least " + field.minLength() + " characters"));
            }
            if (field.maxLength() != null && text.length() > field.maxLength()) {
                problems.add(new FieldProblem(field.key(), "must have at most " + field.maxLength() + " characters"));
            }
            if (field.pattern() != null && !field.pattern().matcher(text).matches()) {
                problems.add(new FieldProblem(field.key(), "does not have the expected format"));
            }
            if (field.min() != null || field.max() != null) {
                checkRange(field, value, problems);
            }
        }
        return problems;
    }

    private static void checkRange(Field field, Object value, List<FieldProblem> problems) {
        double number;
        try {
            number = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field.key(), "must be a number"));
            return;
        }
        if (field.min() != null && number < field.min()) {
            problems.add(new FieldProblem(field.key(), "must be at least " + stripZero(field.min())));
        }
        if (field.max() != null && number > field.max()) {
            problems.add(new FieldProblem(field.key(), "must be at most " + stripZero(field.max())));
        }
    }

    private static String stripZero(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static Integer intOrNull(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.path(name).asInt() : null;
    }

    private static Double doubleOrNull(JsonNode node, String name) {
        return node.hasNonNull(name) ? node.path(name).asDouble() : null;
    }
}
