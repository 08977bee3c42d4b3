package com.complaintdesk.benchmark;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.sla.SlaEvent;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.Tasklist.Opened;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstanceQuery;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SLA timer lateness (T4): cases opened over {@code POST /api/complaints} whose {@code postedAt} puts their
 * first-response deadline inside a short window, all falling due together; then single deadlines on an otherwise idle
 * engine. Lateness is the escalation task's creation time in the engine's history ({@code Task_HandleFirstResponseBreach}
 * start time) minus the deadline the case recorded when its clock started ({@code cd_sla_event}).
 */
final class SlaTimerBenchmark {

    private static final String AGENT = "ana";
    private static final int CREATING_CLIENTS = 4;

    private final Tasklist tasklist;
    private final HistoryService history;
    private final JdbcClient jdbc;
    private final BenchmarkSettings settings;

    SlaTimerBenchmark(Tasklist tasklist, HistoryService history, JdbcClient jdbc, BenchmarkSettings settings) {
        this.tasklist = tasklist;
        this.history = history;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    Map<String, Object> run() {
        Duration firstResponseWithin = firstResponseWithin();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("firstResponseWithin", firstResponseWithin.toString());
        result.put("burst", burst(firstResponseWithin));
        result.put("idle", idle(firstResponseWithin));
        return result;
    }

    /** The tier's first-response time for the sample complaint: its clock's deadline minus its post. */
    private Duration firstResponseWithin() {
        Instant postedAt = Instant.now().minusSeconds(60);
        Opened probe = open(postedAt);
        return Duration.between(postedAt, dueAt(List.of(probe.caseId())).get(probe.caseId()));
    }

    private Map<String, Object> burst(Duration within) {
        int count = settings.slaTimers();
        // How fast cases can be opened right now: a few with distant deadlines (they stay open, outside the measure).
        int calibration = Math.max(CREATING_CLIENTS, count / 50);
        long calibrationStart = System.nanoTime();
        openAll(
                calibration,
                i -> Instant.now().minusSeconds(60),
                new ConcurrentHashMap<>(),
                new ConcurrentHashMap<>(),
                new AtomicInteger());
        double millisPerCase = (System.nanoTime() - calibrationStart) / 1e6 / calibration;
        // The window opens once every case is in, with room to spare: the rate of a busy machine varies.
        long plannedMillis = (long) (count * millisPerCase * 2) + 2000;
        Instant windowStart = Instant.now().plusMillis(plannedMillis);
        long windowNanos = settings.slaWindow().toNanos();
        Map<String, Instant> createdAt = new ConcurrentHashMap<>();
        Map<String, String> caseByInstance = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        long creationStart = System.nanoTime();
        openAll(
                count,
                i -> windowStart
                        .plusNanos(windowNanos * i / Math.max(1, count - 1))
                        .minus(within),
                createdAt,
                caseByInstance,
                errors);
        double creationSeconds = (System.nanoTime() - creationStart) / 1e9;
        Map<String, Instant> due = dueAt(List.copyOf(createdAt.keySet()));
        Instant windowEnd = windowStart.plus(settings.slaWindow());
        sleep(Duration.between(Instant.now(), windowEnd));
        Map<String, Instant> escalated =
                awaitEscalations(caseByInstance, windowEnd.plus(settings.slaWaitForEscalations()));

        // A case opened after its deadline had no timer waiting when it fell due: its lateness is intake's, not the
        // job executor's, so it is counted but not measured.
        Latencies lateness = new Latencies();
        Latencies allLateness = new Latencies();
        int createdAfterDue = 0;
        for (Map.Entry<String, Instant> e : escalated.entrySet()) {
            long late = Duration.between(due.get(e.getKey()), e.getValue()).toNanos();
            allLateness.add(late);
            if (!createdAt.get(e.getKey()).isAfter(due.get(e.getKey()))) {
                lateness.add(late);
            }
        }
        for (Map.Entry<String, Instant> e : createdAt.entrySet()) {
            if (e.getValue().isAfter(due.get(e.getKey()))) {
                createdAfterDue++;
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("deadlines", count);
        r.put("windowSeconds", settings.slaWindow().toSeconds());
        r.put("casesCreated", createdAt.size());
        r.put("creationErrors", errors.get());
        r.put("creationSeconds", Latencies.round(creationSeconds));
        r.put("plannedCreationSeconds", Latencies.round(plannedMillis / 1000.0));
        r.put("createdAfterTheirDeadline", createdAfterDue);
        r.put("escalationTasksCreated", escalated.size());
        r.put("lateness", lateness.summary());
        r.put("latenessIncludingCasesCreatedLate", allLateness.summary());
        return r;
    }

    /** Opens {@code count} cases with 4 clients, the i-th posted at {@code postedAt(i)}, in the order of i. */
    private void openAll(
            int count,
            IntFunction<Instant> postedAt,
            Map<String, Instant> createdAt,
            Map<String, String> caseByInstance,
            AtomicInteger errors) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CREATING_CLIENTS);
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CREATING_CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            Opened opened = open(postedAt.apply(i));
                            createdAt.put(opened.caseId(), Instant.now());
                            caseByInstance.put(opened.processInstanceId(), opened.caseId());
                        } catch (Throwable failed) {
                            errors.incrementAndGet();
                        }
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("opening the SLA cases did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }

    private Map<String, Object> idle(Duration within) {
        Latencies lateness = new Latencies();
        int missing = 0;
        for (int i = 0; i < settings.slaIdleDeadlines(); i++) {
            sleep(Duration.ofSeconds(1));
            Instant due = Instant.now().plus(settings.slaIdleLead());
            Opened opened = open(due.minus(within));
            Instant recordedDue = dueAt(List.of(opened.caseId())).get(opened.caseId());
            Map<String, Instant> escalated =
                    awaitEscalations(Map.of(opened.processInstanceId(), opened.caseId()), recordedDue.plusSeconds(60));
            if (escalated.isEmpty()) {
                missing++;
            } else {
                lateness.add(Duration.between(recordedDue, escalated.get(opened.caseId()))
                        .toNanos());
            }
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("deadlines", settings.slaIdleDeadlines());
        r.put("leadSeconds", settings.slaIdleLead().toSeconds());
        r.put("escalationTasksCreated", settings.slaIdleDeadlines() - missing);
        r.put("lateness", lateness.summary());
        return r;
    }

    private Opened open(Instant postedAt) {
        Map<String, Object> body = SampleComplaint.instagram(0);
        body.put(
                "postedAt",
                postedAt.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC).toString());
        return tasklist.open(AGENT, body);
    }

    /** The first-response deadline each case recorded when its clock started. */
    private Map<String, Instant> dueAt(List<String> caseIds) {
        Map<String, Instant> due = new HashMap<>();
        for (int from = 0; from < caseIds.size(); from += 500) {
            jdbc.sql(
                            "SELECT case_id, due_at FROM cd_sla_event WHERE clock = :clock AND event = :event AND case_id IN (:ids)")
                    .param("clock", SlaEvent.FIRST_RESPONSE)
                    .param("event", SlaEvent.STARTED)
                    .param("ids", caseIds.subList(from, Math.min(caseIds.size(), from + 500)))
                    .query((rs, n) -> due.put(
                            rs.getString(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant()))
                    .list();
        }
        return due;
    }

    /** The escalation tasks' creation times by case, once there is one per case or the time is up. */
    private Map<String, Instant> awaitEscalations(Map<String, String> caseByInstance, Instant giveUpAt) {
        Map<String, Instant> created = new HashMap<>();
        java.util.Date since = java.util.Date.from(Instant.now().minus(Duration.ofHours(1)));
        while (true) {
            created.clear();
            HistoricTaskInstanceQuery query =
                    history.createHistoricTaskInstanceQuery().taskDefinitionKey(Activity.HANDLE_FIRST_RESPONSE_BREACH);
            if (caseByInstance.size() == 1) {
                query.processInstanceId(caseByInstance.keySet().iterator().next());
            } else {
                query.startedAfter(since);
            }
            for (HistoricTaskInstance task : query.list()) {
                String caseId = caseByInstance.get(task.getProcessInstanceId());
                if (caseId != null) {
                    created.put(caseId, task.getStartTime().toInstant());
                }
            }
            if (created.size() >= caseByInstance.size() || Instant.now().isAfter(giveUpAt)) {
                return created;
            }
            sleep(Duration.ofMillis(caseByInstance.size() > 1 ? 1000 : 20));
        }
    }

    private static void sleep(Duration duration) {
        if (duration.isNegative()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
