package com.complaintdesk.audit;

import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.intake.Channel;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.web.FieldProblem;
import com.complaintdesk.web.InvalidRequestException;
import com.complaintdesk.web.QueryParameters;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.util.MultiValueMap;

/**
 * What an auditor searches for: every filter is optional and they all apply together. {@code from} is inclusive,
 * {@code to} exclusive ({@code toExclusive}); both compare with when the customer posted the complaint.
 */
record CaseQuery(
        String channel,
        String externalId,
        String customer,
        String order,
        String tier,
        String category,
        String status,
        OffsetDateTime from,
        OffsetDateTime toExclusive,
        Boolean slaBreached,
        Boolean compensationGiven,
        String reviewOutcome) {

    /** The filters' parameter names, as the API and the search page use them. */
    static final List<String> FILTERS = List.of(
            "channel",
            "externalId",
            "customer",
            "order",
            "tier",
            "category",
            "status",
            "from",
            "to",
            "slaBreached",
            "compensationGiven",
            "reviewOutcome");

    static final List<String> STATUSES = List.of(CaseRecords.OPEN, CaseRecords.CLOSED);

    private static final int MAX_TEXT = 200;

    /**
     * Reads the filters; what is wrong with them is added to {@code p}'s problems, which the caller throws once it
     * has read its own parameters (paging, format) too.
     */
    static CaseQuery read(Parameters p) {
        OffsetDateTime from = p.value("from", v -> instant(v, false));
        OffsetDateTime to = p.value("to", v -> instant(v, true));
        if (from != null && to != null && !from.isBefore(to)) {
            p.problems.add(new FieldProblem("from", "must be before to"));
        }
        return new CaseQuery(
                p.oneOf("channel", channelKeys()),
                p.text("externalId"),
                p.text("customer"),
                p.text("order"),
                p.oneOf("tier", ComplaintLifecycle.Tier.ALL),
                p.oneOf("category", ComplaintLifecycle.Category.ALL),
                p.oneOf("status", STATUSES),
                from,
                to,
                p.bool("slaBreached"),
                p.bool("compensationGiven"),
                p.oneOf("reviewOutcome", CaseRecords.REVIEW_OUTCOMES));
    }

    private static List<String> channelKeys() {
        return java.util.Arrays.stream(Channel.values()).map(Channel::key).toList();
    }

    /**
     * A date-time with offset as given, or a date as the start of that day in UTC; a date given as {@code to} means
     * the whole day, so the bound is the start of the next day.
     */
    private static OffsetDateTime instant(String value, boolean upper) {
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException notDateTime) {
            LocalDate day = LocalDate.parse(value);
            return (upper ? day.plusDays(1) : day).atStartOfDay().atOffset(ZoneOffset.UTC);
        }
    }

    /**
     * Reads query parameters one by one and collects what is wrong with them, so the caller hears of all at once
     * (400, one entry per parameter): an unknown or repeated name, a value outside its keys, a date that is none.
     */
    static final class Parameters {

        private final MultiValueMap<String, String> values;
        final List<FieldProblem> problems = new ArrayList<>();

        Parameters(MultiValueMap<String, String> values, Collection<String> others) {
            this.values = values;
            Set<String> known = new java.util.HashSet<>(FILTERS);
            known.addAll(others);
            values.keySet().stream()
                    .filter(name -> !known.contains(name))
                    .sorted()
                    .forEach(name -> problems.add(new FieldProblem(
                            name,
                            "is not a known parameter (known: " + String.join(", ", FILTERS)
                                    + (others.isEmpty() ? "" : ", " + String.join(", ", others)) + ")")));
        }

        /** The parameter's value; null when it is absent or empty (an empty form field filters nothing). */
        String raw(String name) {
            return QueryParameters.single(values, name, problems);
        }

        String text(String name) {
            String value = raw(name);
            if (value != null && value.length() > MAX_TEXT) {
                problems.add(new FieldProblem(name, "must be at most " + MAX_TEXT + " characters"));
                return null;
            }
            return value;
        }

        String oneOf(String name, List<String> allowed) {
            String value = raw(name);
            if (value != null && !allowed.contains(value)) {
                problems.add(new FieldProblem(
                        name, "has an unknown value '" + value + "' (one of: " + String.join(", ", allowed) + ")"));
                return null;
            }
            return value;
        }

        Boolean bool(String name) {
            String value = raw(name);
            if (value == null) {
                return null;
            }
            return switch (value) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> {
                    problems.add(
                            new FieldProblem(name, "has an invalid value '" + value + "' (expected true or false)"));
                    yield null;
                }
            };
        }

        int integer(String name, int defaultValue, int min, int max) {
            String value = raw(name);
            if (value == null) {
                return defaultValue;
            }
            try {
                int n = Integer.parseInt(value);
                if (n < min || n > max) {
                    problems.add(new FieldProblem(name, "must be between " + min + " and " + max));
                    return defaultValue;
                }
                return n;
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(name, "has an invalid value '" + value + "' (expected a whole number)"));
                return defaultValue;
            }
        }

        <T> T value(String name, Function<String, T> parse) {
            String value = raw(name);
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (DateTimeParseException e) {
                problems.add(new FieldProblem(
                        name,
                        "has an invalid value '" + value + "' (expected an ISO-8601 date,"
                                + " e.g. 2026-11-20, or a date-time with offset, e.g. 2026-11-23T09:15:00+08:00)"));
                return null;
            }
        }

        /** @throws InvalidRequestException when any parameter read so far was wrong */
        void throwIfAny() {
            if (!problems.isEmpty()) {
                throw new InvalidRequestException(problems);
            }
        }
    }
}
