package com.complaintdesk.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

@AppTest
class MessagesApiAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    Outbox outbox;

    @Test
    void messagesListsWhatWasSentForACaseOldestFirst() {
        String caseId = openCase();
        outbox.send(new OutboundMessage(
                caseId,
                "instagram",
                MessageKind.REPLY,
                OutboundMessage.PUBLIC,
                null,
                "We're very sorry your mug arrived broken. We've sent you a direct message.",
                caseId + ":reply"));
        outbox.send(new OutboundMessage(
                caseId,
                "instagram",
                MessageKind.PRIVATE_MESSAGE,
                OutboundMessage.PRIVATE,
                "mia.chen",
                "Hi Mia, this is Ana from the shop's care team.",
                caseId + ":dm"));

        ResponseEntity<JsonNode> response =
                as("ana").getForEntity("/api/complaints/" + caseId + "/messages", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> ours = StreamSupport.stream(response.getBody().spliterator(), false)
                .filter(m -> m.path("idempotencyKey").asText().startsWith(caseId + ":"))
                .toList();
        assertThat(ours).extracting(m -> m.path("kind").asText()).containsExactly("REPLY", "PRIVATE_MESSAGE");
        assertThat(ours.get(0).path("surface").asText()).isEqualTo("public");
        assertThat(ours.get(0).path("status").asText()).isEqualTo("delivered");
        assertThat(ours.get(0).path("platformRef").asText()).startsWith("sandbox-");
        assertThat(ours.get(1).path("recipient").asText()).isEqualTo("mia.chen");
        assertThat(ours.get(1).path("text").asText()).isEqualTo("Hi Mia, this is Ana from the shop's care team.");
    }

    @Test
    void messagesOfACaseWithNothingSentYetIsAnEmptyList() {
        String caseId = openCase();

        ResponseEntity<JsonNode> response =
                as("ana").getForEntity("/api/complaints/" + caseId + "/messages", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().isArray()).isTrue();
        assertThat(response.getBody()).isEmpty();
    }

    @Test
    void messagesOfAnUnknownCaseIsNotFound() {
        ResponseEntity<JsonNode> response =
                as("ana").getForEntity("/api/complaints/no-such-case/messages", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().path("detail").asText()).isEqualTo("No case with id no-such-case");
    }

    @Test
    void messagesRequireCredentials() {
        String caseId = openCase();

        assertThat(http.getForEntity("/api/complaints/" + caseId + "/messages", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private String openCase() {
        ResponseEntity<JsonNode> created =
                as("ana").postForEntity("/api/complaints", SampleComplaint.instagram(10), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("caseId").asText();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, TestDatabase.password());
    }
}
