package com.complaintdesk.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A1: the period reports ComplaintInsights computed ({@code cd_insight_report}), one row per period of a granularity;
 * computing a period again replaces its row. The report itself is kept as JSON, whatever figures it grows.
 */
@Repository
public class StoredReports {

    /** What a stored report says about its period's top category. */
    public record StoredTop(String period, long cases, String topCategory, long topCases, OffsetDateTime computedAt) {}

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    StoredReports(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Stores the period's report, replacing the one computed before for the same period. */
    public void store(Period period, PeriodReport report, Instant computedAt) {
        String text;
        try {
            text = json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The report of " + period.label() + " cannot be written as JSON", e);
        }
        CategoryCount top = report.top().orElse(null);
        int updated = jdbc.sql(
                        """
                UPDATE cd_insight_report
                   SET computed_at = :computedAt, cases = :cases, top_category = :topCategory, top_cases = :topCases,
                       report = :report, period_from = :from, period_to = :to
                 WHERE granularity = :granularity AND period = :period
                """)
                .params(params(period, report, top, text, computedAt))
                .update();
        if (updated == 0) {
            // a run computing the same period at the same moment makes this fail on the unique key; its job retries
            jdbc.sql(
                            """
                    INSERT INTO cd_insight_report (id, granularity, period, period_from, period_to, computed_at, cases,
                                                   top_category, top_cases, report)
                    VALUES (:id, :granularity, :period, :from, :to, :computedAt, :cases, :topCategory, :topCases, :report)
                    """)
                    .param("id", UUID.randomUUID().toString())
                    .params(params(period, report, top, text, computedAt))
                    .update();
        }
    }

    private static java.util.Map<String, Object> params(
            Period period, PeriodReport report, CategoryCount top, String text, Instant computedAt) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("granularity", period.granularity().name());
        params.put("period", period.label());
        params.put("from", period.from().atOffset(ZoneOffset.UTC));
        params.put("to", period.to().atOffset(ZoneOffset.UTC));
        params.put("computedAt", computedAt.atOffset(ZoneOffset.UTC));
        params.put("cases", report.cases());
        params.put("topCategory", top == null ? null : top.category());
        params.put("topCases", top == null ? null : top.cases());
        params.put("report", text);
        return params;
    }

    /** The stored report's top of a period, if the period was computed. */
    public Optional<StoredTop> top(Period period) {
        return jdbc.sql(
                        """
                SELECT period, cases, top_category, top_cases, computed_at
                  FROM cd_insight_report
                 WHERE granularity = :granularity AND period = :period
                """)
                .param("granularity", period.granularity().name())
                .param("period", period.label())
                .query((rs, n) -> new StoredTop(
                        rs.getString("period"),
                        rs.getLong("cases"),
                        rs.getString("top_category"),
                        rs.getLong("top_cases"),
                        rs.getObject("computed_at", OffsetDateTime.class)))
                .optional();
    }

    /** The stored report as JSON, if the period was computed. */
    public Optional<String> report(Period period) {
        return jdbc.sql("SELECT report FROM cd_insight_report WHERE granularity = :granularity AND period = :period")
                .param("granularity", period.granularity().name())
                .param("period", period.label())
                .query(String.class)
                .optional();
    }
}
