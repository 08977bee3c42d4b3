package com.complaintdesk.web;

import java.util.List;
import org.springframework.util.MultiValueMap;

/** Reading the query parameters of the application's read APIs (audit search, insights lists) the same way. */
public final class QueryParameters {

    private QueryParameters() {}

    /**
     * The parameter's value, stripped; null when it is absent or empty (an empty form field filters nothing). Given
     * more than once, it is a problem and no value.
     */
    public static String single(MultiValueMap<String, String> parameters, String name, List<FieldProblem> problems) {
        List<String> given = parameters.get(name);
        if (given == null || given.isEmpty()) {
            return null;
        }
        if (given.size() > 1) {
            problems.add(new FieldProblem(name, "must be given at most once"));
            return null;
        }
        String value = given.get(0) == null ? "" : given.get(0).strip();
        return value.isEmpty() ? null : value;
    }
}
