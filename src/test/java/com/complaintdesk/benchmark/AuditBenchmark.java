package com.complaintdesk.benchmark;

import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.sla.SlaEvent;
import com.complaintdesk.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Audit lookups over many finished cases: the auditors' API ({@code /api/audit/cases…}) as an auditor calls it, after
 * finished cases were seeded in bulk straight into the tables the lookups read: {@code cd_complaint} (one closed case
 * record each), {@code cd_sla_event} (its first-response clock started and stopped) and {@code cd_outbound_message}
 * (its public reply, delivered). Seeded cases have no engine history and no evidence; the timeline lookups use the
 * cases the lifecycle part closed through the engine instead.
 */
final class AuditBenchmark {

    /** The lookups measured, as named in the report. */
    static final List<String> LOOKUPS = List.of(
            "caseByExternalId", "casesByCustomer", "casesByOrder", "caseFile", "caseTimeline", "filteredSearchPage");

    private static final String AUDITOR = "audrey";
    private static final int ROWS_PER_INSERT = 200;
    private static final List<String> CHANNELS = List.of("instagram", "ebay", "wechat");

    private final Tasklist tasklist;
    private final JdbcClient jdbc;
    private final BenchmarkSettings settings;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Random random = new Random(8);
    private final List<String> seededIds = new ArrayList<>();

    AuditBenchmark(Tasklist tasklist, JdbcClient jdbc, BenchmarkSettings settings) {
        this.tasklist = tasklist;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    Map<String, Object> run(List<String> engineCaseIds) {
        Map<String, Object> result = new LinkedHashMap<>();
        long seedStart = System.nanoTime();
        int n = settings.auditCases();
        seed(n);
        Map<String, Object> seeding = new LinkedHashMap<>();
        seeding.put("cases", n);
        seeding.put("rows", Map.of("cd_complaint", n, "cd_sla_event", 2 * n, "cd_outbound_message", n));
        seeding.put(
                "how",
                "multi-row INSERTs of " + ROWS_PER_INSERT + " rows through JDBC, straight into the tables;"
                        + " closed T1–T3 cases over two years, 3 channels, 5 cases per customer, one order per case;"
                        + " no engine history and no evidence for them");
        seeding.put("seconds", Latencies.round((System.nanoTime() - seedStart) / 1e9));
        seeding.put(
                "casesInTable",
                jdbc.sql("SELECT COUNT(*) FROM cd_complaint").query(Long.class).single());
        result.put("seeding", seeding);

        int customers = Math.max(1, n / 5);
        // one channel and tier of nine hold n / 9 cases: up to five pages of 50 that are all full
        int pages = Math.max(1, Math.min(5, n / 9 / 50));
        Map<String, Object> lookups = new LinkedHashMap<>();
        lookups.put(
                "caseByExternalId", measure(i -> "/api/audit/cases?externalId=" + externalId(random.nextInt(n)), true));
        lookups.put(
                "casesByCustomer",
                measure(i -> "/api/audit/cases?customer=bench-" + run + "-cust-" + random.nextInt(customers), true));
        lookups.put(
                "casesByOrder",
                measure(i -> "/api/audit/cases?order=bench-" + run + "-ord-" + random.nextInt(n), true));
        lookups.put("caseFile", measure(i -> "/api/audit/cases/" + seededIds.get(random.nextInt(n)), false));
        List<String> timelineCases = engineCaseIds.isEmpty() ? seededIds : engineCaseIds;
        lookups.put(
                "caseTimeline",
                measure(
                        i -> "/api/audit/cases/" + timelineCases.get(random.nextInt(timelineCases.size()))
                                + "/timeline",
                        false));
        lookups.put(
                "filteredSearchPage",
                measure(
                        i -> "/api/audit/cases?channel=" + CHANNELS.get(i % 3) + "&tier=T2&status=closed&page="
                                + (i % pages) + "&size=50",
                        true));
        result.put("lookups", lookups);
        result.put(
                "timelineCases",
                timelineCases == engineCaseIds
                        ? "cases closed through the engine by the lifecycle part (" + engineCaseIds.size() + ")"
                        : "seeded cases (no engine history)");
        return result;
    }

    /** Removes what {@link #seed} inserted. */
    void removeSeeded() {
        for (int from = 0; from < seededIds.size(); from += 1000) {
            List<String> ids = seededIds.subList(from, Math.min(seededIds.size(), from + 1000));
            jdbc.sql("DELETE FROM cd_outbound_message WHERE case_id IN (:ids)")
                    .param("ids", ids)
                    .update();
            jdbc.sql("DELETE FROM cd_sla_event WHERE case_id IN (:ids)")
                    .param("ids", ids)
                    .update();
            jdbc.sql("DELETE FROM cd_complaint WHERE id IN (:ids)")
                    .param("ids", ids)
                    .update();
        }
    }

    private Map<String, Object> measure(IntFunction<String> path, boolean expectItems) {
        for (int i = 0; i < settings.auditWarmUpLookups(); i++) {
            get(path.apply(i));
        }
        Latencies latencies = new Latencies();
        int errors = 0;
        int empty = 0;
        String example = null;
        for (int i = 0; i < settings.auditLookups(); i++) {
            String p = path.apply(i);
            example = example == null ? p : example;
            long start = System.nanoTime();
            ResponseEntity<JsonNode> response = get(p);
            latencies.add(System.nanoTime() - start);
            if (!response.getStatusCode().is2xxSuccessful()) {
                errors++;
            } else if (expectItems && response.getBody().path("items").isEmpty()) {
                empty++;
            }
        }
        Map<String, Object> r = new LinkedHashMap<>(latencies.summary());
        r.put("errors", errors);
        r.put("emptyAnswers", empty);
        r.put("example", example);
        return r;
    }

    private ResponseEntity<JsonNode> get(String path) {
        return tasklist.get(AUDITOR, path);
    }

    private String externalId(int i) {
        return "bench-" + run + "-" + i;
    }

    // ---------------------------------------------------------------------------------------------------- seeding

    private void seed(int n) {
        OffsetDateTime newest = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.SECONDS);
        List<String> tiers = ComplaintLifecycle.Tier.ALL;
        List<String> categories = ComplaintLifecycle.Category.ALL;
        int customers = Math.max(1, n / 5);
        for (int from = 0; from < n; from += ROWS_PER_INSERT) {
            int to = Math.min(n, from + ROWS_PER_INSERT);
            List<Object[]> complaints = new ArrayList<>();
            List<Object[]> events = new ArrayList<>();
            List<Object[]> messages = new ArrayList<>();
            for (int i = from; i < to; i++) {
                String id = UUID.randomUUID().toString();
                seededIds.add(id);
                String channel = CHANNELS.get(i % 3);
                String tier = tiers.get(i / CHANNELS.size() % tiers.size());
                // two years of cases, newest first, about every ten minutes
                OffsetDateTime posted = newest.minusMinutes(10L * i * 100_000 / Math.max(n, 1));
                OffsetDateTime responded = posted.plusHours(1);
                OffsetDateTime closed = posted.plusDays(2);
                boolean compensated = i % 4 == 0;
                complaints.add(new Object[] {
                    id,
                    channel,
                    externalId(i),
                    channel + ":" + externalId(i),
                    posted,
                    posted.plusMinutes(3),
                    "en",
                    "Seeded case " + i + ": the parcel arrived late and the box was dented.",
                    "bench-" + run + "-cust-" + (i % customers),
                    "Customer " + (i % customers),
                    "{\"seeded\":true}",
                    "channel:" + channel,
                    tier,
                    categories.get(i % categories.size()),
                    CaseRecords.CLOSED,
                    responded,
                    closed.minusHours(1),
                    closed,
                    "shipping",
                    "Seeded: replacement sent.",
                    "satisfied",
                    compensated ? "full_refund" : "none",
                    compensated ? 20.0 : 0.0,
                    CaseRecords.REVIEW_OUTCOMES.get(i % CaseRecords.REVIEW_OUTCOMES.size()),
                    "bench-" + run + "-ord-" + i,
                    i % 7 == 0,
                    compensated
                });
                events.add(new Object[] {
                    UUID.randomUUID().toString(),
                    id,
                    SlaEvent.FIRST_RESPONSE,
                    SlaEvent.STARTED,
                    tier,
                    posted.plusHours(4),
                    posted.plusMinutes(3),
                    "system"
                });
                events.add(new Object[] {
                    UUID.randomUUID().toString(),
                    id,
                    SlaEvent.FIRST_RESPONSE,
                    SlaEvent.STOPPED,
                    tier,
                    posted.plusHours(4),
                    responded,
                    "ana"
                });
                messages.add(new Object[] {
                    UUID.randomUUID().toString(),
                    id,
                    channel,
                    "REPLY",
                    "public",
                    "customer",
                    "Seeded reply: we are sorry, a replacement is on its way.",
                    "bench-" + run + "-reply-" + i,
                    "delivered",
                    "seed-" + i,
                    responded.minusMinutes(1),
                    responded
                });
            }
            insert(
                    "cd_complaint",
                    "id, channel, external_id, business_key, posted_at, received_at, language, text, "
                            + "customer_id, customer_name, payload, received_by, tier, category, status, first_responded_at, "
                            + "resolved_at, closed_at, root_cause, resolution_summary, satisfaction, compensation, "
                            + "compensation_amount, review_outcome, order_id, sla_breached, compensation_given",
                    complaints);
            insert("cd_sla_event", "id, case_id, clock, event, tier, due_at, occurred_at, actor", events);
            insert(
                    "cd_outbound_message",
                    "id, case_id, channel, kind, surface, recipient, text, idempotency_key, status, "
                            + "platform_ref, created_at, delivered_at",
                    messages);
        }
    }

    private void insert(String table, String columns, List<Object[]> rows) {
        int width = rows.get(0).length;
        String one = "(" + String.join(", ", java.util.Collections.nCopies(width, "?")) + ")";
        String sql = "INSERT INTO " + table + " (" + columns + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows.size(), one));
        List<Object> params = new ArrayList<>(rows.size() * width);
        for (Object[] row : rows) {
            params.addAll(java.util.Arrays.asList(row));
        }
        jdbc.sql(sql).params(params).update();
    }
}
