package com.complaintdesk.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns bad input to the application's {@code /api} into a 400 problem (RFC 9457) with one entry per field
 * under {@code errors}, so a caller sees every problem at once; and a database that cannot be reached into a 503
 * ({@link DatabaseUnavailable}).
 */
@RestControllerAdvice(basePackages = "com.complaintdesk")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidFields(MethodArgumentNotValidException e) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message))
                .toList();
        return invalid(problems);
    }

    @ExceptionHandler(InvalidRequestException.class)
    ProblemDetail invalidValues(InvalidRequestException e) {
        return invalid(e.problems());
    }

    /**
     * The database cannot be reached (down, restarting, its connections cut): 503 with {@code Retry-After}, so that a
     * client sends the same request again (intake is idempotent per channel and external id). Anything else is not
     * ours to answer here and goes on to the default 500.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, ProcessEngineException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) throws Exception {
        if (!DatabaseUnavailable.causedBy(e)) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                .body(DatabaseUnavailable.problem());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."))
                    .replace(".[", "[");
            return invalid(List.of(new FieldProblem(field, reason(mapping))));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The request body is not valid JSON: " + rootMessage(e));
        problem.setTitle("Unreadable request");
        return problem;
    }

    private static String reason(JsonMappingException e) {
        // the field's value could not even be read: bytes that are not UTF-8, nesting beyond Jackson's limit, …
        if (e.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException unreadable) {
            return "is not valid JSON: " + firstLine(unreadable.getOriginalMessage());
        }
        if (e.getCause() instanceof java.io.CharConversionException encoding) {
            return "is not valid UTF-8: " + firstLine(encoding.getMessage());
        }
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException format) {
            Throwable cause = format.getCause();
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return cause.getMessage();
            }
            return FieldProblem.invalidValueMessage(format.getValue(), format.getTargetType());
        }
        if (e.getCause() instanceof IllegalArgumentException cause && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return "has a value of the wrong type";
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return firstLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, problems.size() + " invalid field(s): " + FieldProblem.summary(problems));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", problems);
        return problem;
    }
}
