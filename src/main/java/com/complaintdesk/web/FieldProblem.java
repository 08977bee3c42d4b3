package com.complaintdesk.web;

import java.util.List;
import java.util.stream.Collectors;

/** What is wrong with one field of a request, by its JSON path (e.g. {@code customer.timezone}). */
public record FieldProblem(String field, String message) {

    static String summary(List<FieldProblem> problems) {
        return problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; "));
    }
}
