package com.complaintdesk.insights;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A4: the retrospectives held after T1/T2 cases ({@code cd_retrospective}) with their case ({@code cd_complaint}),
 * newest first: a systemic cause changes the process, an individual one leads to coaching, training cases are
 * marked.
 */
@Repository
public class RetrospectiveList {

    /** The columns of the CSV, in the order of {@link Row#values()}. */
    static final List<String> COLUMNS = List.of(
            "caseId",
            "businessKey",
            "tier",
            "category",
            "cause",
            "findings",
            "action",
            "trainingCase",
            "heldBy",
            "heldAt",
            "link");

    /** Filters, each optional: held from (inclusive) and to (exclusive), the cause, training cases only or none. */
    public record Filter(OffsetDateTime from, OffsetDateTime to, String cause, Boolean training) {}

    /** One retrospective with its case. */
    public record Row(
            String caseId,
            String businessKey,
            String tier,
            String category,
            String cause,
            String findings,
            String action,
            boolean trainingCase,
            String heldBy,
            OffsetDateTime heldAt,
            String link) {

        List<Object> values() {
            return java.util.Arrays.asList(
                    caseId, businessKey, tier, category, cause, findings, action, trainingCase, heldBy, heldAt, link);
        }
    }

    private final JdbcClient jdbc;

    RetrospectiveList(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** At most {@code limit} retrospectives, newest first. */
    public List<Row> list(Filter filter, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.from() != null) {
            where.add("r.held_at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("r.held_at < :to");
            params.put("to", filter.to());
        }
        if (filter.cause() != null) {
            where.add("r.cause = :cause");
            params.put("cause", filter.cause());
        }
        if (filter.training() != null) {
            where.add("r.training_case = :training");
            params.put("training", filter.training());
        }
        return jdbc.sql(
                        """
                SELECT r.case_id, c.business_key, c.tier, c.category, r.cause, r.findings, r.action, r.training_case,
                       r.held_by, r.held_at
                  FROM cd_retrospective r
                  LEFT JOIN cd_complaint c ON c.id = r.case_id
                """
                                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                                + " ORDER BY r.held_at DESC, r.id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getString("case_id"),
                        rs.getString("business_key"),
                        rs.getString("tier"),
                        rs.getString("category"),
                        rs.getString("cause"),
                        rs.getString("findings"),
                        rs.getString("action"),
                        rs.getBoolean("training_case"),
                        rs.getString("held_by"),
                        rs.getObject("held_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        StreakAlerts.caseLink(rs.getString("case_id"))))
                .list();
    }
}
