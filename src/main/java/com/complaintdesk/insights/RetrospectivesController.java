package com.complaintdesk.insights;

import com.complaintdesk.closure.Retrospectives;
import com.complaintdesk.common.Csv;
import com.complaintdesk.web.FieldProblem;
import com.complaintdesk.web.InvalidRequestException;
import com.complaintdesk.web.QueryParameters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A4: the retrospectives of T1/T2 cases, newest first, as JSON or CSV, with their findings and the training cases;
 * read-only, for the readers of the insights.
 */
@RestController
@RequestMapping("/api/insights")
class RetrospectivesController {

    static final int DEFAULT_LIMIT = 500;
    static final int MAX_LIMIT = 5000;
    static final List<String> PARAMETERS = List.of("from", "to", "cause", "training", "limit");

    /** The list; {@code truncated} when more retrospectives match than {@code limit}. */
    record Listing(List<RetrospectiveList.Row> items, int count, boolean truncated) {}

    private final RetrospectiveList retrospectives;
    private final InsightsSettings settings;

    RetrospectivesController(RetrospectiveList retrospectives, InsightsSettings settings) {
        this.retrospectives = retrospectives;
        this.settings = settings;
    }

    @GetMapping(path = "/retrospectives", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Retrospectives of T1/T2 cases (A4), newest first",
            description =
                    "Filters, all optional: from (inclusive) and to (exclusive) compared with when the retrospective"
                            + " was held, each a date-time with offset or a date (a whole day in the seller's zone; to=2026-11-30"
                            + " includes that day); cause (systemic or individual); training (true: training cases only, false:"
                            + " the others); limit 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ").")
    @ApiResponse(
            responseCode = "200",
            description = "{items: [{caseId, businessKey, tier, category, cause, findings,"
                    + " action, trainingCase, heldBy, heldAt, link}], count, truncated}")
    @ApiResponse(
            responseCode = "400",
            description = "A parameter is unknown, repeated or has a wrong value; errors name it")
    Listing list(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters) {
        return listing(parameters);
    }

    @GetMapping("/retrospectives.csv")
    @Operation(
            summary = "Retrospectives of T1/T2 cases as CSV, with the same filters",
            description = "UTF-8 with a byte order mark; one column per field of an item.")
    @ApiResponse(responseCode = "200", description = "The CSV file, as an attachment")
    @ApiResponse(
            responseCode = "400",
            description = "A parameter is unknown, repeated or has a wrong value; errors name it")
    ResponseEntity<String> csv(@Parameter(hidden = true) @RequestParam MultiValueMap<String, String> parameters)
            throws IOException {
        Listing listing = listing(parameters);
        StringWriter out = new StringWriter();
        out.write(Csv.BYTE_ORDER_MARK);
        Csv.row(out, RetrospectiveList.COLUMNS);
        for (RetrospectiveList.Row row : listing.items()) {
            Csv.row(out, row.values());
        }
        return Csv.attachment("retrospectives.csv", out.toString());
    }

    private Listing listing(MultiValueMap<String, String> parameters) {
        List<FieldProblem> problems = new ArrayList<>();
        parameters.keySet().stream()
                .filter(name -> !PARAMETERS.contains(name))
                .sorted()
                .forEach(name -> problems.add(new FieldProblem(
                        name, "is not a known parameter (known: " + String.join(", ", PARAMETERS) + ")")));
        OffsetDateTime from = instant(QueryParameters.single(parameters, "from", problems), false, "from", problems);
        OffsetDateTime to = instant(QueryParameters.single(parameters, "to", problems), true, "to", problems);
        if (from != null && to != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("from", "must be before to"));
        }
        String cause = QueryParameters.single(parameters, "cause", problems);
        if (cause != null
                && !Set.of(Retrospectives.SYSTEMIC, Retrospectives.INDIVIDUAL).contains(cause)) {
            problems.add(new FieldProblem("cause", "must be systemic or individual, not '" + cause + "'"));
        }
        String training = QueryParameters.single(parameters, "training", problems);
        if (training != null && !Set.of("true", "false").contains(training)) {
            problems.add(new FieldProblem("training", "must be true or false, not '" + training + "'"));
        }
        int limit = DEFAULT_LIMIT;
        String limitText = QueryParameters.single(parameters, "limit", problems);
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText);
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                problems.add(new FieldProblem(
                        "limit", "must be a number from 1 to " + MAX_LIMIT + ", not '" + limitText + "'"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        List<RetrospectiveList.Row> rows = retrospectives.list(
                new RetrospectiveList.Filter(from, to, cause, training == null ? null : Boolean.valueOf(training)),
                limit + 1);
        boolean truncated = rows.size() > limit;
        List<RetrospectiveList.Row> items = truncated ? rows.subList(0, limit) : rows;
        return new Listing(items, items.size(), truncated);
    }

    /** A date-time with offset, or a date as the start of that day in the seller's zone (as {@code to}: of the next). */
    private OffsetDateTime instant(String value, boolean upper, String name, List<FieldProblem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notDateTime) {
            try {
                LocalDate day = LocalDate.parse(value);
                return (upper ? day.plusDays(1) : day)
                        .atStartOfDay(settings.zone())
                        .toOffsetDateTime();
            } catch (DateTimeParseException notDate) {
                problems.add(FieldProblem.invalidValue(name, value, OffsetDateTime.class));
                return null;
            }
        }
    }
}
