package com.complaintdesk.insights;

import com.complaintdesk.common.Csv;
import com.complaintdesk.intake.Channel;
import com.complaintdesk.web.FieldProblem;
import com.complaintdesk.web.InvalidRequestException;
import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The complaint analytics' API (A1, A5, T1–T4, C1–C4, R5): a week's or a month's report as JSON or CSV, trends across
 * periods, and the channels' review totals that owners record. Readers and recorders are set by the identity
 * module's insights chain; nothing here but recording a review total changes anything.
 */
@RestController
@RequestMapping("/api/insights")
class InsightsController {

    static final int DEFAULT_TREND_PERIODS = 8;
    /** The longest span of days one listing of review totals covers. */
    static final int MAX_TOTALS_DAYS = 366;

    private final InsightsReports reports;
    private final ReviewTotals reviewTotals;
    private final InsightsSettings settings;
    private final Clock clock = Clock.systemUTC();

    InsightsController(InsightsReports reports, ReviewTotals reviewTotals, InsightsSettings settings) {
        this.reports = reports;
        this.reviewTotals = reviewTotals;
        this.settings = settings;
    }

    @GetMapping(path = "/reports/current", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The report of the current week or month (in the seller's zone), so far",
            description = "granularity=week (default) or month. The same figures as /reports/{label}.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(responseCode = "400", description = "granularity is neither week nor month")
    PeriodReport current(@RequestParam(defaultValue = "week") String granularity) {
        return reports.report(reports.period(granularity(granularity), clock.instant()));
    }

    @GetMapping(path = "/reports/{label}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "A period's report: every figure counts the cases posted in the period",
            description =
                    "label: an ISO week (2026-W48), a month (2026-11) or a quarter (2026-Q4), in the seller's zone"
                            + " (complaintdesk.insights.zone). Figures: cases by category, tier, channel and root cause; per"
                            + " category its cases, the previous period's and the flags frequent (among the period's three"
                            + " categories with most cases, or at least 20 % of its cases), new (none in the previous period) and"
                            + " improving (fewer than in the previous period); SLA compliance per tier and clock (cases whose clock"
                            + " ran, breached, percent kept); median and p90 (nearest rank) seconds to first response and to"
                            + " resolution per tier and for all; escalations (breach events) per tier; compensation given per type"
                            + " and currency (cases, total); review-update requests delivered and the revision rate (R5); the"
                            + " negative-review share per channel (A5: cases over the review totals recorded; null without totals).")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(
            responseCode = "400",
            description = "The label names no period; the message says what a label looks like")
    PeriodReport report(@PathVariable String label) {
        return reports.report(period("label", label));
    }

    @GetMapping(path = "/reports/{label}.csv")
    @Operation(
            summary = "A period's report as CSV: one row per figure",
            description = "UTF-8 with a byte order mark; columns section, key, measure, value. Sections: period (from,"
                    + " to, previous), total, category (cases, previous_cases, frequent, new, improving), tier, channel,"
                    + " root_cause, sla_first_response and sla_resolution (ran, breached, compliance_percent per tier),"
                    + " first_response_time and resolution_time (cases, median_seconds, p90_seconds per tier and all),"
                    + " escalations (breach_events per tier), compensation (key type/currency: cases, total),"
                    + " review_requests (sent, updated, revision_rate_percent), negative_share (negative_cases, reviews,"
                    + " share_percent, note per channel). An empty value is a figure that does not exist (no cases).")
    @ApiResponse(responseCode = "200", description = "The CSV file, as an attachment")
    @ApiResponse(responseCode = "400", description = "The label names no period")
    ResponseEntity<String> reportCsv(@PathVariable String label) {
        PeriodReport report = reports.report(period("label", label));
        return Csv.attachment("insights-" + report.period() + ".csv", csv(report));
    }

    @GetMapping(path = "/trends", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Trends: the last N weeks or months, oldest first, ending with the current one",
            description = "granularity=week (default) or month; periods=1 to " + InsightsReports.MAX_TREND_PERIODS
                    + " (default " + DEFAULT_TREND_PERIODS + "); until (optional): the label of the last period (a week"
                    + " for week, a month for month) when the trend is to end before the current one. Per period: cases,"
                    + " cases by category, SLA compliance per tier and clock, negative-review share per channel.")
    @ApiResponse(
            responseCode = "200",
            description = "{granularity, periods: [{period, from, to, cases, byCategory,"
                    + " slaCompliance, negativeShare}]}")
    @ApiResponse(responseCode = "400", description = "granularity or periods is wrong; errors name it")
    Map<String, Object> trends(
            @RequestParam(defaultValue = "week") String granularity,
            @RequestParam(defaultValue = "" + DEFAULT_TREND_PERIODS) String periods,
            @Parameter(example = "2026-W48") @RequestParam(required = false) String until) {
        Period.Granularity g = granularity(granularity);
        Period last = until == null || until.isBlank() ? reports.period(g, clock.instant()) : period("until", until);
        if (last.granularity() != g) {
            throw invalid("until", "must name a " + g.name().toLowerCase(Locale.ROOT) + ", not '" + until + "'");
        }
        int n;
        try {
            n = Integer.parseInt(periods.strip());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > InsightsReports.MAX_TREND_PERIODS) {
            throw invalid(
                    "periods",
                    "must be a whole number from 1 to " + InsightsReports.MAX_TREND_PERIODS + ", not '" + periods
                            + "'");
        }
        return Map.of("granularity", g.name().toLowerCase(Locale.ROOT), "periods", reports.trend(g, n, last.from()));
    }

    @PutMapping(
            path = "/review-totals/{channel}/{day}",
            consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record a channel's total reviews (any rating) of one day (A5); replaces what was recorded",
            description = "channel: instagram, ebay, wechat, email, phone or web; day: an ISO date (in"
                    + " the seller's zone) not in the future; body {\"reviews\": n} with n a whole number from 0 to 10000000."
                    + " Owners, process owners and administrators only.")
    @ApiResponse(responseCode = "200", description = "{channel, day, reviews, recordedBy, recordedAt}")
    @ApiResponse(
            responseCode = "400",
            description = "channel, day or reviews is wrong; errors name each; nothing is stored",
            content =
                    @Content(
                            examples = @ExampleObject("{\"errors\":[{\"field\":\"reviews\",\"message\":"
                                            + "\"must be a whole number from 0 to 10000000\"}]}")))
    @ApiResponse(responseCode = "403", description = "The caller may read the analytics but not record totals")
    ReviewTotal recordReviewTotal(
            @PathVariable String channel, @PathVariable String day, @RequestBody JsonNode body, Principal caller) {
        List<FieldProblem> problems = new ArrayList<>();
        try {
            Channel.fromKey(channel);
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("channel", e.getMessage() + ", not '" + channel + "'"));
        }
        LocalDate date = null;
        try {
            date = LocalDate.parse(day);
            LocalDate today = LocalDate.now(clock.withZone(settings.zone()));
            if (date.isAfter(today)) {
                problems.add(new FieldProblem(
                        "day",
                        "must not be in the future (today is " + today + " in " + settings.zone() + "), not " + day));
            }
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.invalidValue("day", day, LocalDate.class));
        }
        JsonNode reviews = body == null ? null : body.get("reviews");
        if (reviews == null || reviews.isNull()) {
            problems.add(new FieldProblem("reviews", "is required"));
        } else if (!reviews.isIntegralNumber()
                || !reviews.canConvertToLong()
                || reviews.asLong() < 0
                || reviews.asLong() > ReviewTotals.MAX_REVIEWS) {
            problems.add(new FieldProblem(
                    "reviews", "must be a whole number from 0 to " + ReviewTotals.MAX_REVIEWS + ", not " + reviews));
        }
        if (body != null && body.isObject()) {
            for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!name.equals("reviews")) {
                    problems.add(new FieldProblem(name, "is not a known field"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return reviewTotals.record(
                channel,
                date,
                reviews.intValue(),
                caller.getName(),
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
    }

    @GetMapping(path = "/review-totals", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The review totals recorded for the days from … to (both included), by day then channel",
            description = "from and to: ISO dates, to not before from, at most " + MAX_TOTALS_DAYS + " days.")
    @ApiResponse(
            responseCode = "200",
            description = "{from, to, items: [{channel, day, reviews, recordedBy, recordedAt}]}")
    @ApiResponse(responseCode = "400", description = "from or to is missing or wrong; errors name it")
    Map<String, Object> reviewTotals(
            @Parameter(example = "2026-11-01") @RequestParam(required = false) String from,
            @Parameter(example = "2026-11-30") @RequestParam(required = false) String to) {
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate first = date("from", from, problems);
        LocalDate last = date("to", to, problems);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                problems.add(new FieldProblem("to", "must not be before from (" + first + "), not " + last));
            } else if (ChronoUnit.DAYS.between(first, last) >= MAX_TOTALS_DAYS) {
                problems.add(new FieldProblem("to", "must be at most " + MAX_TOTALS_DAYS + " days after from"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return Map.of("from", first.toString(), "to", last.toString(), "items", reviewTotals.between(first, last));
    }

    private static LocalDate date(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required (an ISO date, e.g. 2026-11-20)"));
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            problems.add(FieldProblem.invalidValue(field, value, LocalDate.class));
            return null;
        }
    }

    private Period period(String field, String label) {
        try {
            return reports.period(label);
        } catch (IllegalArgumentException e) {
            throw invalid(field, e.getMessage());
        }
    }

    private static Period.Granularity granularity(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "week" -> Period.Granularity.WEEK;
            case "month" -> Period.Granularity.MONTH;
            default -> throw invalid("granularity", "must be week or month, not '" + value + "'");
        };
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(List.of(new FieldProblem(field, message)));
    }

    /** The report as CSV rows {@code section,key,measure,value}. */
    static String csv(PeriodReport r) {
        StringWriter out = new StringWriter();
        try {
            out.write(Csv.BYTE_ORDER_MARK);
            Csv.row(out, List.of("section", "key", "measure", "value"));
            row(out, "period", r.period(), "from", r.from());
            row(out, "period", r.period(), "to", r.to());
            row(out, "period", r.period(), "previous", r.previousPeriod());
            row(out, "total", "all", "cases", r.cases());
            for (CategoryFigures c : r.categories()) {
                row(out, "category", c.category(), "cases", c.cases());
                row(out, "category", c.category(), "previous_cases", c.previousCases());
                row(out, "category", c.category(), "frequent", c.frequent());
                row(out, "category", c.category(), "new", c.newCategory());
                row(out, "category", c.category(), "improving", c.improving());
            }
            for (CategoryCount c : r.byCategory()) {
                if (c.category().equals(InsightsReports.UNTRIAGED)) {
                    row(out, "category", c.category(), "cases", c.cases());
                }
            }
            for (KeyCount k : r.byTier()) {
                row(out, "tier", k.key(), "cases", k.count());
            }
            for (KeyCount k : r.byChannel()) {
                row(out, "channel", k.key(), "cases", k.count());
            }
            for (KeyCount k : r.byRootCause()) {
                row(out, "root_cause", k.key(), "cases", k.count());
            }
            for (SlaCompliance s : r.slaCompliance()) {
                row(out, "sla_" + s.clock(), s.tier(), "ran", s.ran());
                row(out, "sla_" + s.clock(), s.tier(), "breached", s.breached());
                row(out, "sla_" + s.clock(), s.tier(), "compliance_percent", s.compliancePercent());
            }
            for (ResponseTimes t : r.responseTimes()) {
                row(out, t.clock() + "_time", t.tier(), "cases", t.cases());
                row(out, t.clock() + "_time", t.tier(), "median_seconds", t.medianSeconds());
                row(out, t.clock() + "_time", t.tier(), "p90_seconds", t.p90Seconds());
            }
            for (KeyCount k : r.escalations()) {
                row(out, "escalations", k.key(), "breach_events", k.count());
            }
            for (CompensationTotal c : r.compensation()) {
                String key = c.type() + "/" + (c.currency() == null ? "unknown" : c.currency());
                row(out, "compensation", key, "cases", c.cases());
                row(out, "compensation", key, "total", c.total());
            }
            row(out, "review_requests", "all", "sent", r.reviewRequests().sent());
            row(out, "review_requests", "all", "updated", r.reviewRequests().updated());
            row(
                    out,
                    "review_requests",
                    "all",
                    "revision_rate_percent",
                    r.reviewRequests().revisionRatePercent());
            for (NegativeShare s : r.negativeShare()) {
                row(out, "negative_share", s.channel(), "negative_cases", s.negativeCases());
                row(out, "negative_share", s.channel(), "reviews", s.reviews());
                row(out, "negative_share", s.channel(), "share_percent", s.sharePercent());
                if (s.note() != null) {
                    row(out, "negative_share", s.channel(), "note", s.note());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void row(StringWriter out, String section, String key, String measure, Object value)
            throws IOException {
        Csv.row(out, Arrays.asList(section, key, measure, value));
    }
}
