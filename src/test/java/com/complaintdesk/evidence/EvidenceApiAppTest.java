package com.complaintdesk.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.complaintdesk.channel.MessageDelivered;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.OutboxEntry;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A case's evidence through the API as auditors and supervisors read it (X4, E6): what a case keeps from intake,
 * triage and delivery, the verification that names a link broken behind the application's back, and who may read.
 */
@AppTest
class EvidenceApiAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    ObjectMapper json;

    @Autowired
    EvidenceStore evidence;

    @Test
    void anAuditorReadsTheComplaintAsReceivedAsTheCasesFirstVerifiedItem() {
        Map<String, Object> body = SampleComplaint.instagram(20);
        JsonNode opened = open(body);

        JsonNode items =
                get("audrey", "/api/audit/cases/" + opened.path("caseId").asText() + "/evidence", HttpStatus.OK);

        assertThat(items).hasSize(1);
        JsonNode complaint = items.get(0);
        assertThat(complaint.path("seq").asInt()).isEqualTo(1);
        assertThat(complaint.path("kind").asText()).isEqualTo("complaint");
        assertThat(complaint.path("state").asText()).isEqualTo("verified");
        assertThat(complaint.path("createdBy").asText()).isEqualTo("ana");
        assertThat(complaint.path("hashVersion").asInt()).isEqualTo(2);
        JsonNode content = readTree(complaint.path("content").asText());
        assertThat(content.path("complaint").path("text").asText()).isEqualTo(body.get("text"));
        assertThat(content.path("complaint").path("order").path("id").asText())
                .isEqualTo(SampleComplaint.child(body, "order").get("id"));
        assertThat(content.path("receivedBy").asText()).isEqualTo("ana");
        JsonNode verification = get(
                "audrey",
                "/api/audit/cases/" + opened.path("caseId").asText() + "/evidence/verification",
                HttpStatus.OK);
        assertThat(verification.path("valid").asBoolean()).isTrue();
        assertThat(verification.path("items").asInt()).isOne();
        assertThat(verification.has("firstBrokenSeq")).isTrue();
        assertThat(verification.path("firstBrokenSeq").isNull()).isTrue();
        assertThat(verification.path("lastSha256").asText())
                .isEqualTo(complaint.path("sha256").asText());
    }

    @Test
    void confirmingTriageKeepsTheOrderAndLogisticsDataTheCaseHolds() {
        Map<String, Object> body = SampleComplaint.instagram(15);
        JsonNode opened = open(body);
        String caseId = opened.path("caseId").asText();

        completeTriage(opened.path("processInstanceId").asText());

        JsonNode order = poll(
                () -> {
                    for (JsonNode item : get("sam", "/api/audit/cases/" + caseId + "/evidence", HttpStatus.OK)) {
                        if (item.path("kind").asText().equals("order")) {
                            return item;
                        }
                    }
                    return null;
                },
                "no order snapshot for " + caseId);
        assertThat(order.path("state").asText()).isEqualTo("verified");
        assertThat(order.path("seq").asInt()).isEqualTo(2);
        JsonNode snapshot = readTree(order.path("content").asText());
        assertThat(snapshot.path("step").asText()).isEqualTo("triage");
        assertThat(snapshot.path(Var.ORDER_ID).asText())
                .isEqualTo(SampleComplaint.child(body, "order").get("id"));
        assertThat(snapshot.path(Var.SHIPPED_AT).asText()).startsWith("2026-11-14T10:00:00");
        assertThat(snapshot.path(Var.DELIVERED_AT).asText()).startsWith("2026-11-19T15:30:00");
        assertThat(snapshot.path(Var.PRODUCT_SKU).asText()).isEqualTo("MUG-CER-350");
        assertThat(get("sam", "/api/audit/cases/" + caseId + "/evidence/verification", HttpStatus.OK)
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void aDeliveredMessageIsKeptOnceWithThePlatformsId() {
        String caseId = open(SampleComplaint.instagram(10)).path("caseId").asText();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        OutboxEntry entry = new OutboxEntry(
                UUID.randomUUID().toString(),
                caseId,
                "instagram",
                MessageKind.REPLY,
                "public",
                "17841405822304914",
                "Mia, we are very sorry about the broken mug.",
                "reply:" + caseId,
                "delivered",
                "17895695668004550",
                now.minusSeconds(2),
                now);

        TransactionTemplate transaction = new TransactionTemplate(transactions);
        transaction.executeWithoutResult(status -> events.publishEvent(new MessageDelivered(entry)));
        // a retried step publishing the same delivery again keeps it once
        transaction.executeWithoutResult(status -> events.publishEvent(new MessageDelivered(entry)));

        JsonNode items = get("olga", "/api/audit/cases/" + caseId + "/evidence", HttpStatus.OK);
        assertThat(items).extracting(item -> item.path("kind").asText()).containsExactly("complaint", "outbound");
        JsonNode outbound = items.get(1);
        assertThat(outbound.path("sourceRef").asText()).isEqualTo("outbound:" + entry.id());
        JsonNode message = readTree(outbound.path("content").asText());
        assertThat(message.path("platformRef").asText()).isEqualTo("17895695668004550");
        assertThat(message.path("text").asText()).isEqualTo(entry.text());
        assertThat(message.path("status").asText()).isEqualTo("delivered");
    }

    @Test
    void theVerificationNamesTheItemChangedInTheDatabase() {
        String caseId = open(SampleComplaint.instagram(5)).path("caseId").asText();
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
        appendNote(caseId, "Customer sent photos of the crushed box.", at);
        appendNote(caseId, "Courier confirmed the parcel was dropped.", at.plusSeconds(1));
        String thirdId = jdbc.sql("SELECT id FROM cd_evidence WHERE case_id = :caseId AND seq = 3")
                .param("caseId", caseId)
                .query(String.class)
                .single();

        new EvidenceTampering(jdbc, transactions)
                .run("UPDATE cd_evidence SET content = 'The box was fine.' WHERE id = :id", "id", thirdId);

        JsonNode verification = get("audrey", "/api/audit/cases/" + caseId + "/evidence/verification", HttpStatus.OK);
        assertThat(verification.path("valid").asBoolean()).isFalse();
        assertThat(verification.path("firstBrokenSeq").asInt()).isEqualTo(3);
        assertThat(verification.path("firstBrokenId").asText()).isEqualTo(thirdId);
        assertThat(verification.path("reason").asText()).contains("item 3");
        JsonNode items = get("audrey", "/api/audit/cases/" + caseId + "/evidence", HttpStatus.OK);
        assertThat(items)
                .extracting(item -> item.path("state").asText())
                .containsExactly("verified", "verified", "altered");
    }

    @Test
    void auditorsSupervisorsOwnersAndAdministratorsReadEvidenceOthersMayNot() {
        String caseId = open(SampleComplaint.instagram(3)).path("caseId").asText();
        for (String reader : List.of("audrey", "sam", "olga", "admin")) {
            get(reader, "/api/audit/cases/" + caseId + "/evidence", HttpStatus.OK);
            get(reader, "/api/audit/cases/" + caseId + "/evidence/verification", HttpStatus.OK);
        }
        for (String other : List.of("ana", "ben", "lena", "pete")) {
            get(other, "/api/audit/cases/" + caseId + "/evidence", HttpStatus.FORBIDDEN);
            get(other, "/api/audit/cases/" + caseId + "/evidence/verification", HttpStatus.FORBIDDEN);
        }
        assertThat(http.getForEntity("/api/audit/cases/" + caseId + "/evidence", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        get("audrey", "/api/audit/cases/" + UUID.randomUUID() + "/evidence", HttpStatus.NOT_FOUND);
        get("audrey", "/api/audit/cases/" + UUID.randomUUID() + "/evidence/verification", HttpStatus.NOT_FOUND);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private void appendNote(String caseId, String note, OffsetDateTime at) {
        evidence.preserve(caseId, "conversation", note, "sam", at);
    }

    private JsonNode open(Map<String, Object> body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    /** Ana confirms the suggested triage as T2 quality, as Tasklist does it. */
    private void completeTriage(String processInstanceId) {
        Task task = poll(
                () -> tasks.createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .taskDefinitionKey(Activity.CONFIRM_TRIAGE)
                        .singleResult(),
                "no triage task in " + processInstanceId);
        post("ana", "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "ana"));
        Map<String, Object> variables = new LinkedHashMap<>();
        Map.<String, Object>of(
                        Var.TIER,
                        "T2",
                        Var.CATEGORY,
                        "quality",
                        Var.ESCALATE_TO_CRISIS,
                        false,
                        Var.TRIAGE_NOTE,
                        "Broken on arrival; the box was crushed.")
                .forEach((name, value) -> variables.put(name, Map.of("value", value)));
        post("ana", "/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", variables));
    }

    private void post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = http.withBasicAuth(user, TestDatabase.password())
                .postForEntity(path, new HttpEntity<>(body, headers), String.class);
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private JsonNode get(String user, String path, HttpStatus expected) {
        ResponseEntity<JsonNode> response =
                http.withBasicAuth(user, TestDatabase.password()).getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode())
                .as(user + " GET " + path + ": " + response.getBody())
                .isEqualTo(expected);
        return response.getBody();
    }

    private JsonNode readTree(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T poll(Supplier<T> probe, String what) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                fail(what + " after 20 s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
