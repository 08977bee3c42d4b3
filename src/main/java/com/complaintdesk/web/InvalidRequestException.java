package com.complaintdesk.web;

import java.util.List;

/** Thrown by an API handler when a request is well-formed JSON but its values are wrong; answered with 400. */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidRequestException(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s): " + FieldProblem.summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
