package com.complaintdesk.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What is wrong with one field of a request, by its JSON path (e.g. {@code customer.timezone}) or, in a CSV
 * import, its column (e.g. {@code customerTimezone}); no field when the problem is the whole row.
 */
public record FieldProblem(String field, String message) {

    /** A value that cannot be read as the type the field needs, e.g. a date that is not ISO-8601. */
    public static FieldProblem invalidValue(String field, Object value, Class<?> expected) {
        return new FieldProblem(field, invalidValueMessage(value, expected));
    }

    static String invalidValueMessage(Object value, Class<?> expected) {
        return "has an invalid value '" + value + "' (expected " + expected(expected) + ")";
    }

    private static String expected(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "OffsetDateTime" -> "an ISO-8601 date-time with offset, e.g. 2026-11-23T09:15:00+08:00";
            case "LocalDate" -> "an ISO-8601 date, e.g. 2026-11-20";
            case "BigDecimal", "Integer", "Long" -> "a number";
            case "Boolean" -> "true or false";
            default -> type.getSimpleName();
        };
    }

    static String summary(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
    }
}
