package com.complaintdesk.audit;

import static com.complaintdesk.common.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads cases for auditors from the application's own table ({@code cd_complaint}), never from engine variables.
 * Every filter has an index that also gives the default order, newest post first (V10), so a page is read in order
 * from one index. Paging is by offset within the first {@value #WINDOW} matches, and the total is counted up to
 * that many: beyond it an auditor narrows the search or exports it, which walks every match by keyset.
 */
@Repository
class AuditCases {

    /** How many matches a search pages through and counts; the export has no such limit. */
    static final int WINDOW = 10_000;

    /** How many rows the export reads per query. */
    static final int EXPORT_BATCH = 1000;

    private static final String COLUMNS =
            """
            id, channel, external_id, business_key, posted_at, received_at, received_by, language, customer_id,
            customer_name, order_id, text, tier, category, status, sla_breached, first_responded_at, resolved_at,
            closed_at, root_cause, resolution_summary, satisfaction, compensation, compensation_amount,
            compensation_given, review_outcome, process_instance_id
            """;

    private static final String NEWEST_FIRST = " ORDER BY posted_at DESC, id DESC";

    private final JdbcClient jdbc;

    AuditCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of a search. {@code total} is exact up to {@link #WINDOW}; {@code totalExact} is false when there
     * are more matches than that.
     */
    record Page(List<CaseRow> items, int page, int size, long total, boolean totalExact) {}

    /** A page of matches, newest first; the page must lie within the first {@link #WINDOW} matches. */
    Page search(CaseQuery query, int page, int size) {
        Where where = Where.of(query);
        long offset = (long) page * size;
        List<CaseRow> items = jdbc.sql("SELECT " + COLUMNS + " FROM cd_complaint" + where.sql() + NEWEST_FIRST
                        + " OFFSET :offset ROWS FETCH FIRST :size ROWS ONLY")
                .params(where.params())
                .param("offset", offset)
                .param("size", size)
                .query(AuditCases::map)
                .list();
        if (items.size() < size && (!items.isEmpty() || page == 0)) {
            // the last page: the total is known without counting
            return new Page(items, page, size, offset + items.size(), true);
        }
        long counted = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 AS one FROM cd_complaint" + where.sql()
                        + " FETCH FIRST " + (WINDOW + 1) + " ROWS ONLY) capped")
                .params(where.params())
                .query(Long.class)
                .single();
        return new Page(items, page, size, Math.min(counted, WINDOW), counted <= WINDOW);
    }

    /**
     * Hands every match to {@code each}, newest first, reading {@link #EXPORT_BATCH} at a time from where the last
     * batch ended (keyset), so an export of all cases costs as much per row as its first page.
     */
    long export(CaseQuery query, Consumer<CaseRow> each) {
        return export(query, EXPORT_BATCH, each);
    }

    long export(CaseQuery query, int batchSize, Consumer<CaseRow> each) {
        Where where = Where.of(query);
        long count = 0;
        CaseRow last = null;
        while (true) {
            String after = last == null
                    ? ""
                    : (where.sql().isEmpty() ? " WHERE " : " AND ")
                            + "posted_at <= :lastPostedAt AND (posted_at < :lastPostedAt OR id < :lastId)";
            JdbcClient.StatementSpec statement = jdbc.sql("SELECT " + COLUMNS + " FROM cd_complaint" + where.sql()
                            + after + NEWEST_FIRST + " FETCH FIRST " + batchSize + " ROWS ONLY")
                    .params(where.params());
            if (last != null) {
                statement = statement.param("lastPostedAt", last.postedAt()).param("lastId", last.caseId());
            }
            List<CaseRow> batch = statement.query(AuditCases::map).list();
            batch.forEach(each);
            count += batch.size();
            if (batch.size() < batchSize) {
                return count;
            }
            last = batch.get(batch.size() - 1);
        }
    }

    Optional<CaseRow> find(String caseId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM cd_complaint WHERE id = :id")
                .param("id", caseId)
                .query(AuditCases::map)
                .optional();
    }

    /** The complaint exactly as it was received (JSON), for the case's file. */
    Optional<String> receivedComplaint(String caseId) {
        return jdbc.sql("SELECT payload FROM cd_complaint WHERE id = :id")
                .param("id", caseId)
                .query(String.class)
                .optional();
    }

    /** The WHERE clause of a query and its parameters; each filter is one indexed condition. */
    record Where(String sql, Map<String, Object> params) {

        static Where of(CaseQuery q) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new LinkedHashMap<>();
            equal(conditions, params, "channel", "channel", q.channel());
            equal(conditions, params, "external_id", "externalId", q.externalId());
            if (q.customer() != null) {
                conditions.add("(customer_id = :customer OR customer_name = :customer)");
                params.put("customer", q.customer());
            }
            equal(conditions, params, "order_id", "order", q.order());
            equal(conditions, params, "tier", "tier", q.tier());
            equal(conditions, params, "category", "category", q.category());
            equal(conditions, params, "status", "status", q.status());
            if (q.from() != null) {
                conditions.add("posted_at >= :from");
                params.put("from", q.from());
            }
            if (q.toExclusive() != null) {
                conditions.add("posted_at < :to");
                params.put("to", q.toExclusive());
            }
            equal(conditions, params, "sla_breached", "slaBreached", q.slaBreached());
            equal(conditions, params, "compensation_given", "compensationGiven", q.compensationGiven());
            equal(conditions, params, "review_outcome", "reviewOutcome", q.reviewOutcome());
            return new Where(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), params);
        }

        private static void equal(
                List<String> conditions, Map<String, Object> params, String column, String name, Object value) {
            if (value != null) {
                conditions.add(column + " = :" + name);
                params.put(name, value);
            }
        }
    }

    private static CaseRow map(ResultSet rs, int row) throws SQLException {
        return new CaseRow(
                rs.getString("id"),
                rs.getString("channel"),
                rs.getString("external_id"),
                rs.getString("business_key"),
                utc(rs.getObject("posted_at", OffsetDateTime.class)),
                utc(rs.getObject("received_at", OffsetDateTime.class)),
                rs.getString("received_by"),
                rs.getString("language"),
                rs.getString("customer_id"),
                rs.getString("customer_name"),
                rs.getString("order_id"),
                rs.getString("text"),
                rs.getString("tier"),
                rs.getString("category"),
                rs.getString("status"),
                rs.getBoolean("sla_breached"),
                utc(rs.getObject("first_responded_at", OffsetDateTime.class)),
                utc(rs.getObject("resolved_at", OffsetDateTime.class)),
                utc(rs.getObject("closed_at", OffsetDateTime.class)),
                rs.getString("root_cause"),
                rs.getString("resolution_summary"),
                rs.getString("satisfaction"),
                rs.getString("compensation"),
                rs.getBigDecimal("compensation_amount"),
                rs.getBoolean("compensation_given"),
                rs.getString("review_outcome"),
                rs.getString("process_instance_id"));
    }
}
