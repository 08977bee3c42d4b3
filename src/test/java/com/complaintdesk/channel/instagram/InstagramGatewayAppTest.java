package com.complaintdesk.channel.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.channel.ChannelException;
import com.complaintdesk.channel.Delivery;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.channel.OutboxEntry;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running application with Instagram credentials and the Graph API base URL pointed at a stub that answers as
 * <a href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies">IG
 * Comment Replies</a> and <a href="https://developers.facebook.com/docs/instagram-platform/private-replies">Send a
 * Private Reply to a Commenter</a> document.
 */
@AppTest
class InstagramGatewayAppTest {

    static final WireMockServer instagram = new WireMockServer(wireMockConfig().dynamicPort());
    static final String ACCOUNT = "17841400000000002";

    static {
        // Started before the application context, which reads its address.
        instagram.start();
    }

    @DynamicPropertySource
    static void instagramGraph(DynamicPropertyRegistry properties) {
        properties.add("complaintdesk.channels.instagram.graph.base-url", () -> instagram.baseUrl() + "/v21.0");
        properties.add("complaintdesk.channels.instagram.graph.access-token", () -> "app-test-token");
        properties.add("complaintdesk.channels.instagram.graph.account-id", () -> ACCOUNT);
        // A context of its own, which replaces the other tests' shared one for this class (one open at a time, see
        // spring.properties). Closing it must leave JVM-wide state alone: an engine of another name unregisters only
        // itself, not the shared "default", and without the webapps it clears none of their static runtime. No job
        // executor: on PostgreSQL it shares the database with the shared context's.
        properties.add("camunda.bpm.process-engine-name", () -> "instagramapptest");
        properties.add("camunda.bpm.webapp.enabled", () -> "false");
        properties.add("camunda.bpm.job-execution.enabled", () -> "false");
    }

    @AfterAll
    static void stopInstagram() {
        instagram.stop();
    }

    @Autowired
    Outbox outbox;

    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void resetInstagram() {
        instagram.resetAll();
    }

    @Test
    void replyThroughTheOutboxIsPostedUnderTheCasesCommentAndTheOutboxKeepsInstagramsId() {
        Map<String, Object> complaint = SampleComplaint.instagram(10);
        String commentId = (String) complaint.get("externalId");
        String caseId = openCase(complaint);
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + commentId + "/replies"))
                .willReturn(okJson("{\"id\": \"17873440459141021\"}")));
        String text = "We're very sorry your mug arrived broken. We've sent you a direct message.";

        Delivery delivery = outbox.send(new OutboundMessage(caseId, "instagram", MessageKind.REPLY, OutboundMessage.PUBLIC,
                null, text, caseId + ":reply"));

        assertThat(delivery.platformRef()).isEqualTo("17873440459141021");
        assertThat(outbox.forCase(caseId)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Outbox.DELIVERED);
            assertThat(entry.platformRef()).isEqualTo("17873440459141021");
        });
        instagram.verify(1, postRequestedFor(urlPathEqualTo("/v21.0/" + commentId + "/replies"))
                .withQueryParam("message", equalTo(text))
                .withHeader("Authorization", equalTo("Bearer app-test-token")));
    }

    @Test
    void firstPrivateMessageIsTheCommentsPrivateReplyAndTheNextIsRefusedWithNothingKept() {
        Map<String, Object> complaint = SampleComplaint.instagram(30);
        String commentId = (String) complaint.get("externalId");
        String caseId = openCase(complaint);
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + ACCOUNT + "/messages"))
                .willReturn(okJson("{\"recipient_id\": \"1254459154682919\", \"message_id\": \"aWdfZAG1faXRlbToxOklH\"}")));

        Delivery first = outbox.send(new OutboundMessage(caseId, "instagram", MessageKind.PRIVATE_MESSAGE,
                OutboundMessage.PRIVATE, "cust-1", "Hi Mia, this is Ana from the care team.", caseId + ":dm"));

        assertThat(first.platformRef()).isEqualTo("aWdfZAG1faXRlbToxOklH");
        instagram.verify(1, postRequestedFor(urlPathEqualTo("/v21.0/" + ACCOUNT + "/messages"))
                .withRequestBody(equalToJson("""
                        {"recipient": {"comment_id": "%s"}, "message": {"text": "Hi Mia, this is Ana from the care team."}}"""
                        .formatted(commentId))));
        instagram.resetRequests();

        assertThatThrownBy(() -> outbox.send(new OutboundMessage(caseId, "instagram", MessageKind.COMPENSATION_OFFER,
                OutboundMessage.PRIVATE, "cust-1", "Here are three ways we can make this right.", caseId + ":offer")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("Instagram allows one private reply per comment, and this comment's was already sent; continue in the Direct conversation");
        instagram.verify(0, anyRequestedFor(anyUrl()));
        assertThat(outbox.forCase(caseId)).extracting(OutboxEntry::kind).containsExactly(MessageKind.PRIVATE_MESSAGE);
    }

    @Test
    void healthShowsInstagramLiveAndTheOtherChannelsOnTheSandbox() {
        ResponseEntity<JsonNode> health = http.withBasicAuth("olga", TestDatabase.password())
                .getForEntity("/actuator/health", JsonNode.class);

        assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode channels = health.getBody().path("components").path("channels");
        assertThat(channels.path("status").asText()).isEqualTo("UP");
        assertThat(channels.path("details").path("instagram").asText()).isEqualTo("live");
        assertThat(channels.path("details").path("ebay").asText()).isEqualTo("sandbox");
    }

    private String openCase(Map<String, Object> complaint) {
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", complaint, JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("caseId").asText();
    }
}
