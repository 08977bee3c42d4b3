package com.complaintdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.complaintdesk.crisis.ComplaintCrisis;
import com.complaintdesk.identity.EngineAuthentication;
import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.sla.SlaEvent;
import com.complaintdesk.sla.SlaEvents;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Engagement updates on the running application (T6, issue #4): a general comment that goes viral becomes a
 * crisis with a one-hour deadline; repeats, late deliveries, shrinking counts and closed cases change nothing.
 */
@AppTest
class EngagementUpdatesAppTest {

    private static final String SUGGESTION = "Would be nice if the mug came in more colours, maybe a green one.";

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    EngagementUpdates updates;

    @Autowired
    EngineAuthentication engine;

    @Autowired
    CaseRecords caseRecords;

    @Autowired
    SlaEvents slaEvents;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGeneralCommentGoingViralBecomesACrisisWithAOneHourDeadlineAndACrisisResponse() {
        Opened c = openGeneralCase(20);
        assertThat(firstResponseDue(c))
                .isEqualTo(Date.from(c.postedAt().plusHours(24).toInstant()));

        // 80 shares within 20 minutes of the post: 80 per hour
        OffsetDateTime observedAt = now();
        ResponseEntity<JsonNode> response = post("ana", c.caseId(), engagement(40, 80, 12, observedAt));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("caseId").asText()).isEqualTo(c.caseId());
        assertThat(response.getBody().path("tier").asText()).isEqualTo("T1");
        assertThat(response.getBody().path("retiered").asBoolean()).isTrue();
        String reason = response.getBody().path("reason").asText();
        assertThat(reason).startsWith("Going viral: 50 or more new shares within an hour (T6)");
        assertThat(runtime.getVariable(c.processInstanceId(), Var.TIER)).isEqualTo("T1");
        assertThat(runtime.getVariable(c.processInstanceId(), Var.RETIER_REASON))
                .isEqualTo(reason);
        assertThat(firstResponseDue(c))
                .as("T1: first response within an hour of the post")
                .isEqualTo(Date.from(c.postedAt().plusHours(1).toInstant()));
        assertThat(crisisResponses(c)).isOne();
        assertThat(slaEvents.forCase(c.caseId()))
                .filteredOn(e -> e.event().equals("restarted"))
                .extracting(SlaEvent::tier, SlaEvent::actor)
                .as("both clocks restarted for T1, by the agent who reported the counts")
                .containsExactly(tuple("T1", "ana"), tuple("T1", "ana"));
        assertThat(stored(c))
                .containsEntry("shares", 80)
                .containsEntry("comments", 12)
                .containsEntry("likes", 40);
        assertThat(caseRecords.summary(c.caseId()).orElseThrow().tier())
                .as("the case record for reports")
                .isEqualTo("T1");

        // the same delivery again changes nothing
        ResponseEntity<JsonNode> repeat = post("ana", c.caseId(), engagement(40, 80, 12, observedAt));

        assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(repeat.getBody().path("tier").asText()).isEqualTo("T1");
        assertThat(repeat.getBody().path("retiered").asBoolean()).isFalse();
        assertThat(repeat.getBody().has("reason")).isTrue();
        assertThat(repeat.getBody().path("reason").isNull()).isTrue();
        assertThat(retiers(c)).isOne();
        assertThat(crisisResponses(c)).isOne();
        assertThat(firstResponseDue(c))
                .isEqualTo(Date.from(c.postedAt().plusHours(1).toInstant()));

        // more growth on a crisis: it stays a crisis, nothing is restarted
        ResponseEntity<JsonNode> more = post("ana", c.caseId(), engagement(90, 400, 150, observedAt.plusMinutes(1)));

        assertThat(more.getBody().path("tier").asText()).isEqualTo("T1");
        assertThat(more.getBody().path("retiered").asBoolean()).isFalse();
        assertThat(retiers(c)).isOne();
    }

    @Test
    void racingDeliveriesOfTheSameBurstRetierTheCaseOnce() throws Exception {
        Opened c = openGeneralCase(20);
        Map<String, Object> burst = engagement(40, 120, 30, now());
        int deliveries = 6;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<JsonNode>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < deliveries; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return post("ana", c.caseId(), burst);
                }));
            }
            start.countDown();
            List<JsonNode> bodies = new ArrayList<>();
            for (Future<ResponseEntity<JsonNode>> response : responses) {
                ResponseEntity<JsonNode> r = response.get(60, TimeUnit.SECONDS);
                assertThat(r.getStatusCode()).isEqualTo(HttpStatus.OK);
                bodies.add(r.getBody());
            }

            assertThat(bodies).extracting(b -> b.path("tier").asText()).containsOnly("T1");
            assertThat(bodies).filteredOn(b -> b.path("retiered").asBoolean()).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(retiers(c)).isOne();
        assertThat(crisisResponses(c)).isOne();
        assertThat(stored(c)).containsEntry("shares", 120);
    }

    @Test
    void lateDeliveriesAndShrinkingCountsChangeNothing() {
        Opened c = openGeneralCase(30);
        OffsetDateTime first = now().minusMinutes(2);
        ResponseEntity<JsonNode> quiet = post("ana", c.caseId(), engagement(10, 5, 3, first));
        assertThat(quiet.getBody().path("tier").asText()).isEqualTo("T3");
        assertThat(quiet.getBody().path("retiered").asBoolean()).isFalse();

        // an older observation: even 300 shares do not count once a newer one is known
        ResponseEntity<JsonNode> late = post("ana", c.caseId(), engagement(10, 300, 3, first.minusMinutes(5)));

        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(late.getBody().path("tier").asText()).isEqualTo("T3");
        assertThat(late.getBody().path("retiered").asBoolean()).isFalse();

        // a newer observation with lower counts (an unlike, a deleted comment): the peaks stay
        ResponseEntity<JsonNode> lower = post("ana", c.caseId(), engagement(9, 4, 2, now()));

        assertThat(lower.getBody().path("tier").asText()).isEqualTo("T3");
        assertThat(lower.getBody().path("retiered").asBoolean()).isFalse();
        assertThat(stored(c))
                .containsEntry("likes", 10)
                .containsEntry("shares", 5)
                .containsEntry("comments", 3);
        assertThat(storedObservedAt(c)).isEqualTo(first.toInstant());
        assertThat(runtime.getVariable(c.processInstanceId(), Var.TIER)).isEqualTo("T3");
        assertThat(retiers(c)).isZero();
        assertThat(crisisResponses(c)).isZero();
        assertThat(firstResponseDue(c))
                .isEqualTo(Date.from(c.postedAt().plusHours(24).toInstant()));
    }

    @Test
    void aChannelReportingASpreadingGeneralCaseMakesItImportant() {
        Opened c = openGeneralCase(10);

        // a webhook calls the service as its channel, with the agents' intake rights
        EngagementUpdates.Outcome outcome =
                engine.asChannel("instagram", () -> updates.update(c.caseId(), new Engagement(30, 15, 4), now()));

        assertThat(outcome)
                .isEqualTo(new EngagementUpdates.Outcome(
                        c.caseId(),
                        "T2",
                        true,
                        "Spreading: 10 or more new shares within an hour (T6) / 开始扩散：一小时内新增转发 10 次以上（T6）"));
        assertThat(runtime.getVariable(c.processInstanceId(), Var.TIER)).isEqualTo("T2");
        assertThat(firstResponseDue(c))
                .as("T2: first response within 4 hours of the post")
                .isEqualTo(Date.from(c.postedAt().plusHours(4).toInstant()));
        assertThat(crisisResponses(c)).as("no crisis below T1").isZero();
        assertThat(slaEvents.forCase(c.caseId()))
                .filteredOn(e -> e.event().equals("restarted"))
                .extracting(SlaEvent::actor)
                .containsOnly("channel:instagram");
    }

    @Test
    void aClosedCaseKeepsItsCountsButIsNeverRetiered() {
        Opened c = openGeneralCase(40);
        caseRecords.recordTriage(c.caseId(), "T3", "suggestion");
        caseRecords.recordClosure(c.caseId(), "other", "Colours passed on to the product team.", "satisfied", now());
        // the case's lifecycle is over
        runtime.deleteProcessInstance(c.processInstanceId(), "closed");

        ResponseEntity<JsonNode> response = post("sam", c.caseId(), engagement(500, 900, 700, now()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().path("tier").asText()).isEqualTo("T3");
        assertThat(response.getBody().path("retiered").asBoolean()).isFalse();
        assertThat(stored(c)).containsEntry("shares", 900).containsEntry("comments", 700);
        assertThat(crisisResponses(c)).isZero();
        assertThat(retiers(c)).isZero();
        assertThat(caseRecords.summary(c.caseId()).orElseThrow().tier()).isEqualTo("T3");
    }

    @Test
    void anUnknownCaseIsNotFound() {
        ResponseEntity<JsonNode> response = post("ana", UUID.randomUUID().toString(), engagement(1, 2, 3, now()));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("detail").asText()).startsWith("No case with id ");
    }

    @Test
    void negativeCountsAndAMissingObservedAtAreRefusedFieldByField() {
        Opened c = openGeneralCase(15);
        Map<String, Object> body = engagement(-1, -5, 3, null);

        ResponseEntity<JsonNode> response = post("ana", c.caseId(), body);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors").findValuesAsText("field"))
                .containsExactly("likes", "observedAt", "shares");
        assertThat(response.getBody().path("errors").findValuesAsText("message"))
                .containsExactly(
                        "must be greater than or equal to 0", "must not be null", "must be greater than or equal to 0");
        assertThat(stored(c)).isEmpty();
    }

    @Test
    void anObservationInTheFutureOrBeforeThePostIsRefused() {
        Opened c = openGeneralCase(15);

        ResponseEntity<JsonNode> future = post("ana", c.caseId(), engagement(1, 200, 3, now().plusHours(1)));
        ResponseEntity<JsonNode> beforePost =
                post("ana", c.caseId(), engagement(1, 200, 3, c.postedAt().minusMinutes(1)));

        assertThat(future.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(future.getBody().path("errors").findValuesAsText("message"))
                .containsExactly("must not be in the future");
        assertThat(beforePost.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(beforePost.getBody().path("errors").findValuesAsText("field"))
                .containsExactly("observedAt");
        assertThat(stored(c)).isEmpty();
        assertThat(runtime.getVariable(c.processInstanceId(), Var.TIER)).isEqualTo("T3");
    }

    @Test
    void onlyAgentsSupervisorsAndAdministratorsReportEngagement() {
        Opened c = openGeneralCase(15);

        ResponseEntity<JsonNode> owner = post("olga", c.caseId(), engagement(1, 200, 3, now()));

        assertThat(owner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(stored(c)).isEmpty();
        assertThat(runtime.getVariable(c.processInstanceId(), Var.TIER)).isEqualTo("T3");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    record Opened(String caseId, String processInstanceId, String businessKey, OffsetDateTime postedAt) {}

    /** A T3 suggestion on Instagram with little engagement, posted {@code minutesAgo} minutes ago. */
    private Opened openGeneralCase(int minutesAgo) {
        Map<String, Object> body =
                SampleComplaint.body("instagram", "ig-viral-" + UUID.randomUUID(), 0, SUGGESTION, "en");
        body.remove("order");
        OffsetDateTime postedAt = now().minusMinutes(minutesAgo).truncatedTo(ChronoUnit.SECONDS);
        body.put("postedAt", postedAt.toString());
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", body, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Opened c = new Opened(
                created.getBody().path("caseId").asText(),
                created.getBody().path("processInstanceId").asText(),
                created.getBody().path("businessKey").asText(),
                postedAt);
        assertThat(runtime.getVariable(c.processInstanceId(), Var.TIER))
                .as("a general case to begin with")
                .isEqualTo("T3");
        return c;
    }

    private ResponseEntity<JsonNode> post(String user, String caseId, Map<String, Object> body) {
        return http.withBasicAuth(user, TestDatabase.password())
                .postForEntity("/api/complaints/" + caseId + "/engagement", body, JsonNode.class);
    }

    private static Map<String, Object> engagement(int likes, int shares, int comments, OffsetDateTime observedAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("likes", likes);
        body.put("shares", shares);
        body.put("comments", comments);
        if (observedAt != null) {
            body.put("observedAt", observedAt.toString());
        }
        return body;
    }

    /** Now, to the millisecond: what both databases store exactly. */
    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    private Date firstResponseDue(Opened c) {
        return management
                .createJobQuery()
                .processInstanceId(c.processInstanceId())
                .activityId(Activity.FIRST_RESPONSE_DUE)
                .singleResult()
                .getDuedate();
    }

    private long crisisResponses(Opened c) {
        return history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(ComplaintCrisis.PROCESS_KEY)
                .processInstanceBusinessKey(c.businessKey())
                .count();
    }

    private long retiers(Opened c) {
        return history.createHistoricActivityInstanceQuery()
                .processInstanceId(c.processInstanceId())
                .activityId(Activity.APPLY_RETIER)
                .count();
    }

    private Map<String, Object> stored(Opened c) {
        return jdbc.sql("SELECT likes, shares, comments FROM cd_engagement WHERE case_id = :id")
                .param("id", c.caseId())
                .query((rs, row) -> Map.<String, Object>of(
                        "likes", rs.getInt("likes"), "shares", rs.getInt("shares"), "comments", rs.getInt("comments")))
                .optional()
                .orElse(Map.of());
    }

    private Instant storedObservedAt(Opened c) {
        return jdbc.sql("SELECT observed_at FROM cd_engagement WHERE case_id = :id")
                .param("id", c.caseId())
                .query((rs, row) ->
                        rs.getObject("observed_at", OffsetDateTime.class).toInstant())
                .single();
    }
}
