package com.complaintdesk.channel.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.channel.Delivery;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.channel.sandbox.SandboxChannelGateway;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** The application as it starts without Instagram credentials: the adapter is there, but off. */
@AppTest
class InstagramOffAppTest {

    @Autowired
    InstagramGateway instagram;

    @Autowired
    Outbox outbox;

    @Autowired
    TestRestTemplate http;

    @Test
    void withoutCredentialsTheSandboxDeliversInstagramMessages() {
        String caseId = UUID.randomUUID().toString();

        Delivery delivery = outbox.send(new OutboundMessage(
                caseId,
                "instagram",
                MessageKind.REPLY,
                OutboundMessage.PUBLIC,
                null,
                "We're very sorry your mug arrived broken.",
                caseId + ":reply"));

        assertThat(instagram.handles("instagram")).isFalse();
        assertThat(delivery.platformRef()).startsWith(SandboxChannelGateway.REFERENCE_PREFIX);
    }

    @Test
    void withoutCredentialsHealthShowsInstagramOnTheSandboxToAnOwnerAndOnlyTheStatusToAnyone() {
        ResponseEntity<JsonNode> asOwner =
                http.withBasicAuth("olga", TestDatabase.password()).getForEntity("/actuator/health", JsonNode.class);
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/actuator/health", JsonNode.class);

        assertThat(asOwner.getBody()
                        .path("components")
                        .path("channels")
                        .path("details")
                        .path("instagram")
                        .asText())
                .isEqualTo("sandbox");
        assertThat(anonymous.getBody().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.getBody().has("components")).isFalse();
    }
}
