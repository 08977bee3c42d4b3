package com.complaintdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.identity.Roles;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** T4 on the running application: the job executor fires a first-response deadline within seconds. */
@AppTest
class FirstResponseTimerAppTest {

    /** How long the test waits for the escalation at most; the job executor polls at least every second. */
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Test
    void aMissedFirstResponseDeadlineEscalatesBySelfWithinSeconds() throws InterruptedException {
        // A T3 suggestion (24 h clock) posted 24 h minus 3 s ago: its first response is due 3 s from now.
        Map<String, Object> body = SampleComplaint.body(
                "wechat",
                "wx-timer-" + UUID.randomUUID(),
                0,
                "Would be nice if the mug came in more colours, maybe a green one.",
                "en");
        body.remove("order");
        body.put(
                "postedAt",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(24).plusSeconds(3).toString());

        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", body, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String processInstanceId = created.getBody().path("processInstanceId").asText();
        Date dueAt = (Date) runtime.getVariable(processInstanceId, ComplaintLifecycle.Var.FIRST_RESPONSE_DUE_AT);
        assertThat(runtime.getVariable(processInstanceId, ComplaintLifecycle.Var.TIER))
                .isEqualTo("T3");

        Task escalation = awaitEscalation(processInstanceId);

        assertThat(escalation).as("escalation task within %s", PATIENCE).isNotNull();
        assertThat(Duration.between(
                        dueAt.toInstant(), escalation.getCreateTime().toInstant()))
                .as("escalation created soon after the deadline")
                .isBetween(Duration.ZERO, Duration.ofSeconds(5));
        assertThat(tasks.getIdentityLinksForTask(escalation.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(Roles.SUPERVISORS));
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .taskDefinitionKey(ComplaintLifecycle.Activity.CONFIRM_TRIAGE)
                        .count())
                .as("the agent's task is not cancelled")
                .isOne();
    }

    private Task awaitEscalation(String processInstanceId) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (System.nanoTime() < deadline) {
            Task task = tasks.createTaskQuery()
                    .processInstanceId(processInstanceId)
                    .taskDefinitionKey(ComplaintLifecycle.Activity.HANDLE_FIRST_RESPONSE_BREACH)
                    .singleResult();
            if (task != null) {
                return task;
            }
            Thread.sleep(200);
        }
        return null;
    }
}
