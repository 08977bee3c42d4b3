package com.complaintdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.text.SimpleDateFormat;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * T4 (#15): a case's SLA deadline moves only through re-tiering and the SLA policy. A supervisor cannot move or fire
 * the first-response timer through the engine API; an administrator can, and the case's SLA history then says who
 * moved it, to when, or fired it by hand.
 */
@AppTest
class TimersChangedByHandAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    SlaEvents events;

    @Test
    void aSupervisorCannotMoveOrFireADeadlineAndNothingIsRecorded() {
        Opened opened = open();
        Job timer = firstResponseTimer(opened.processInstanceId());
        ResponseEntity<String> moved = http.withBasicAuth("sam", TestDatabase.password())
                .exchange(
                        "/engine-rest/job/" + timer.getId() + "/duedate",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("duedate", format(later(timer)))),
                        String.class);
        ResponseEntity<String> fired = http.withBasicAuth("sam", TestDatabase.password())
                .postForEntity("/engine-rest/job/" + timer.getId() + "/execute", null, String.class);

        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(fired.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(management
                        .createJobQuery()
                        .jobId(timer.getId())
                        .singleResult()
                        .getDuedate())
                .isEqualTo(timer.getDuedate());
        assertThat(events.forCase(opened.caseId()))
                .noneMatch(e -> e.actor() != null && e.actor().equals("sam"));
    }

    @Test
    void anAdministratorsMoveAndFiringAreInTheCasesSlaHistory() {
        Opened opened = open();
        Job timer = firstResponseTimer(opened.processInstanceId());
        Date later = later(timer);
        ResponseEntity<String> moved = http.withBasicAuth("admin", TestDatabase.password())
                .exchange(
                        "/engine-rest/job/" + timer.getId() + "/duedate",
                        HttpMethod.PUT,
                        new HttpEntity<>(Map.of("duedate", format(later))),
                        String.class);
        assertThat(moved.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

        SlaEvent recorded = events.forCase(opened.caseId()).stream()
                .filter(e -> e.event().equals(SlaEvent.MOVED_BY_HAND))
                .findFirst()
                .orElseThrow();
        assertThat(recorded.clock()).isEqualTo(SlaEvent.FIRST_RESPONSE);
        assertThat(recorded.actor()).isEqualTo("admin");
        assertThat(recorded.dueAt().toInstant()).isEqualTo(later.toInstant());

        ResponseEntity<String> fired = http.withBasicAuth("admin", TestDatabase.password())
                .postForEntity("/engine-rest/job/" + timer.getId() + "/execute", null, String.class);
        assertThat(fired.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(events.forCase(opened.caseId())).anySatisfy(e -> {
            assertThat(e.event()).isEqualTo(SlaEvent.FIRED_BY_HAND);
            assertThat(e.actor()).isEqualTo("admin");
        });
    }

    record Opened(String caseId, String processInstanceId) {}

    private Opened open() {
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", SampleComplaint.instagram(5), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return new Opened(
                created.getBody().path("caseId").asText(),
                created.getBody().path("processInstanceId").asText());
    }

    private Job firstResponseTimer(String processInstanceId) {
        return management
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .timers()
                .activityId("Timer_FirstResponseDue")
                .singleResult();
    }

    private static Date later(Job timer) {
        return Date.from(OffsetDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneOffset.UTC)
                .plusDays(30)
                .toInstant());
    }

    private static String format(Date date) {
        SimpleDateFormat format = new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
        format.setTimeZone(java.util.TimeZone.getTimeZone("UTC"));
        return format.format(date);
    }
}
