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
    record Field(
            String key,
            String label,
            boolean required,
            Set<String> allowedValues,
            Integer minLength,
            Integer maxLength,
            Double min,
            Double max,
            Pattern pattern) {}

    private final List<Field> fields;
    /** The keys the form shows but does not let anyone change (disabled or read-only), with their labels. */
    private final Map<String, String> readOnly;

    private FormRules(List<Field> fields, Map<String, String> readOnly) {
        this.fields = List.copyOf(fields);
        this.readOnly = Map.copyOf(readOnly);
    }

    public static FormRules of(JsonNode form) {
        List<Field> fields = new ArrayList<>();
        Map<String, String> readOnly = new java.util.LinkedHashMap<>();
        collect(form.path("components"), fields, readOnly);
        return new FormRules(fields, readOnly);
    }

    private static void collect(JsonNode components, List<Field> fields, Map<String, String> readOnly) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields, readOnly);
            }
            String key = component.path("key").asText(null);
            if (key == null) {
                continue;
            }
            if (component.path("disabled").asBoolean(false)
                    || component.path("readonly").asBoolean(false)) {
                readOnly.put(key, component.path("label").asText(key));
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
            fields.add(new Field(
                    key,
                    component.path("label").asText(key),
                    validate.path("required").asBoolean(false),
                    allowed,
                    intOrNull(validate, "minLength"),
                    intOrNull(validate, "maxLength"),
                    doubleOrNull(validate, "min"),
                    doubleOrNull(validate, "max"),
                    validate.hasNonNull("pattern")
                            ? Pattern.compile(validate.path("pattern").asText())
                            : null));
        }
    }

    /**
     * The submitted fields this form does not let anyone change: a key the form does not have, or a read-only
     * field sent with a value other than the one it shows ({@code current}). Only the form's editable fields may be
     * submitted; read-only ones may come back unchanged, as Tasklist may send them.
     */
    public List<FieldProblem> notEditable(Map<String, Object> submitted, Map<String, Object> current) {
        java.util.Set<String> editable = new java.util.HashSet<>();
        fields.forEach(field -> editable.add(field.key()));
        List<FieldProblem> problems = new ArrayList<>();
        for (Map.Entry<String, Object> entry : submitted.entrySet()) {
            String key = entry.getKey();
            if (editable.contains(key)) {
                continue;
            }
            if (readOnly.containsKey(key)) {
                if (!sameValue(entry.getValue(), current.get(key))) {
                    problems.add(new FieldProblem(
                            key,
                            "is shown read-only (" + readOnly.get(key) + ") and cannot be changed" + " / 只读字段，不能修改"));
                }
                continue;
            }
            problems.add(new FieldProblem(
                    key, "is not a field of this form; only the form's fields can be submitted" + " / 不是此表单的字段"));
        }
        return problems;
    }

    /** Equal as the form shows them: numbers by value, everything else by its text. */
    static boolean sameValue(Object a, Object b) {
        if (a == null || b == null) {
            return a == b || String.valueOf(a == null ? b : a).isEmpty();
        }
        if (a instanceof Number || b instanceof Number) {
            try {
                return new java.math.BigDecimal(String.valueOf(a))
                                .compareTo(new java.math.BigDecimal(String.valueOf(b)))
                        == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (a instanceof java.util.Date || b instanceof java.util.Date) {
            java.time.Instant x = instant(a);
            return x != null && x.equals(instant(b));
        }
        return String.valueOf(a).equals(String.valueOf(b));
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
            if (field.allowedValues() != null
                    && !(value instanceof Boolean)
                    && !field.allowedValues().contains(text)) {
                problems.add(new FieldProblem(
                        field.key(), "must be one of " + field.allowedValues() + " but was '" + text + "'"));
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

    /** A date as the engine stores it, or as the REST API writes it ({@code 2026-12-08T01:30:00.000+0000}). */
    private static java.time.Instant instant(Object value) {
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        String text = String.valueOf(value);
        try {
            return java.time.OffsetDateTime.parse(
                            text, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"))
                    .toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (java.time.format.DateTimeParseException again) {
                return null;
            }
        }
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
