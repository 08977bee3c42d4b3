package com.complaintdesk.channel.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.complaintdesk.channel.ChannelException;
import com.complaintdesk.channel.Delivery;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.channel.OutboxEntry;
import com.complaintdesk.channel.failure.DeliveryFailure;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
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

    static final WireMockServer instagram = InstagramGraphStub.started();
    static final String ACCOUNT = InstagramGraphStub.ACCOUNT;

    @DynamicPropertySource
    static void instagramGraph(DynamicPropertyRegistry properties) {
        InstagramGraphStub.configure(properties, instagram, "instagramapptest", "3s");
    }

    @AfterAll
    static void stopInstagram() {
        instagram.stop();
    }

    @Autowired
    Outbox outbox;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

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

        Delivery delivery = outbox.send(new OutboundMessage(
                caseId, "instagram", MessageKind.REPLY, OutboundMessage.PUBLIC, null, text, caseId + ":reply"));

        assertThat(delivery.platformRef()).isEqualTo("17873440459141021");
        assertThat(outbox.forCase(caseId)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(Outbox.DELIVERED);
            assertThat(entry.platformRef()).isEqualTo("17873440459141021");
        });
        instagram.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v21.0/" + commentId + "/replies"))
                        .withQueryParam("message", equalTo(text))
                        .withHeader("Authorization", equalTo("Bearer app-test-token")));
    }

    @Test
    void aReplyWhoseAnswerWasLostIsFoundUnderTheCommentAndNeverPostedTwice() {
        Map<String, Object> complaint = SampleComplaint.instagram(11);
        String commentId = (String) complaint.get("externalId");
        String caseId = openCase(complaint);
        String text = "We're very sorry your mug arrived broken. We've sent you a direct message.";
        // Instagram posts the reply, but its answer comes after the read timeout (3 s here)
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + commentId + "/replies"))
                .willReturn(okJson("{\"id\": \"17873440459141031\"}").withFixedDelay(6_000)));
        OutboundMessage reply = new OutboundMessage(
                caseId, "instagram", MessageKind.REPLY, OutboundMessage.PUBLIC, null, text, caseId + ":reply");
        String step = "pi-lost:Task_PublishReply";

        assertThatThrownBy(() -> outbox.send(reply, step))
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.outcomeUnknown())
                        .isTrue());
        assertThat(outbox.forCase(caseId)).extracting(OutboxEntry::status).containsExactly(Outbox.SENDING);

        // the job's retry: the reply is there, from the shop's account, with the same text
        instagram.stubFor(get(urlPathEqualTo("/v21.0/" + commentId + "/replies"))
                .withQueryParam("fields", equalTo("id,text,from"))
                .willReturn(okJson(
                        """
                        {"data": [
                          {"id": "17873440459141030", "text": "%s", "from": {"id": "17841499999999999", "username": "another"}},
                          {"id": "17873440459141031", "text": "%s", "from": {"id": "%s", "username": "the.shop"}}
                        ]}"""
                                .formatted(text, text, ACCOUNT))));
        Delivery retried = outbox.send(reply, step);

        assertThat(retried.platformRef()).isEqualTo("17873440459141031");
        assertThat(outbox.forCase(caseId)).extracting(OutboxEntry::status).containsExactly(Outbox.DELIVERED);
        instagram.verify(1, postRequestedFor(urlPathEqualTo("/v21.0/" + commentId + "/replies")));
    }

    @Test
    void aReplyWhoseAnswerWasLostAndIsNotUnderTheCommentIsPostedOnTheRetry() {
        Map<String, Object> complaint = SampleComplaint.instagram(12);
        String commentId = (String) complaint.get("externalId");
        String caseId = openCase(complaint);
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + commentId + "/replies"))
                .inScenario("lost")
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("answering"));
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + commentId + "/replies"))
                .inScenario("lost")
                .whenScenarioStateIs("answering")
                .willReturn(okJson("{\"id\": \"17873440459141041\"}")));
        instagram.stubFor(
                get(urlPathEqualTo("/v21.0/" + commentId + "/replies")).willReturn(okJson("{\"data\": []}")));
        OutboundMessage reply = new OutboundMessage(
                caseId,
                "instagram",
                MessageKind.REPLY,
                OutboundMessage.PUBLIC,
                null,
                "We're sorry, and we're on it.",
                caseId + ":reply");

        assertThatThrownBy(() -> outbox.send(reply, "pi-absent:Task_PublishReply"))
                .isInstanceOf(ChannelException.class);
        Delivery retried = outbox.send(reply, "pi-absent:Task_PublishReply");

        assertThat(retried.platformRef()).isEqualTo("17873440459141041");
        instagram.verify(1, getRequestedFor(urlPathEqualTo("/v21.0/" + commentId + "/replies")));
    }

    @Test
    void aPrivateReplyWhoseAnswerWasLostIsLeftToAPersonAndNotSentAgain() {
        Map<String, Object> complaint = SampleComplaint.instagram(13);
        String caseId = openCase(complaint);
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + ACCOUNT + "/messages"))
                .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        OutboundMessage dm = new OutboundMessage(
                caseId,
                "instagram",
                MessageKind.PRIVATE_MESSAGE,
                OutboundMessage.PRIVATE,
                "cust-1",
                "Hi Mia, this is Ana from the care team.",
                caseId + ":dm");
        assertThatThrownBy(() -> outbox.send(dm, "pi-dm:Task_SendFollowUpMessage"))
                .isInstanceOf(ChannelException.class);

        assertThatThrownBy(() -> outbox.send(dm, "pi-dm:Task_SendFollowUpMessage"))
                .isInstanceOfSatisfying(
                        ChannelException.class, e -> assertThat(e.refused()).isTrue())
                .hasMessageContaining("may already be on instagram")
                .hasMessageContaining("Direct conversation");

        instagram.verify(1, postRequestedFor(urlPathEqualTo("/v21.0/" + ACCOUNT + "/messages")));
    }

    @Test
    void firstPrivateMessageIsTheCommentsPrivateReplyAndTheNextIsRefusedWithoutAsking() {
        Map<String, Object> complaint = SampleComplaint.instagram(30);
        String commentId = (String) complaint.get("externalId");
        String caseId = openCase(complaint);
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + ACCOUNT + "/messages"))
                .willReturn(
                        okJson("{\"recipient_id\": \"1254459154682919\", \"message_id\": \"aWdfZAG1faXRlbToxOklH\"}")));

        Delivery first = outbox.send(new OutboundMessage(
                caseId,
                "instagram",
                MessageKind.PRIVATE_MESSAGE,
                OutboundMessage.PRIVATE,
                "cust-1",
                "Hi Mia, this is Ana from the care team.",
                caseId + ":dm"));

        assertThat(first.platformRef()).isEqualTo("aWdfZAG1faXRlbToxOklH");
        instagram.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v21.0/" + ACCOUNT + "/messages"))
                        .withRequestBody(equalToJson(
                                """
                        {"recipient": {"comment_id": "%s"}, "message": {"text": "Hi Mia, this is Ana from the care team."}}"""
                                        .formatted(commentId))));
        instagram.resetRequests();

        assertThatThrownBy(() -> outbox.send(new OutboundMessage(
                        caseId,
                        "instagram",
                        MessageKind.COMPENSATION_OFFER,
                        OutboundMessage.PRIVATE,
                        "cust-1",
                        "Here are three ways we can make this right.",
                        caseId + ":offer")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining(
                        "Instagram allows one private reply per comment, and this comment's was already sent; continue in the Direct conversation")
                .isInstanceOfSatisfying(
                        ChannelException.class, e -> assertThat(e.refused()).isTrue());
        instagram.verify(0, anyRequestedFor(anyUrl()));
        assertThat(outbox.forCase(caseId))
                .extracting(OutboxEntry::kind, OutboxEntry::status)
                .containsExactly(
                        tuple(MessageKind.PRIVATE_MESSAGE, Outbox.DELIVERED),
                        tuple(MessageKind.COMPENSATION_OFFER, Outbox.PENDING));
    }

    /**
     * P1–P4 with the real engine: Instagram refuses the reply because the comment is gone, a refusal no retry changes,
     * so after one attempt the agents have "Handle failed delivery" with Instagram's answer; Ana posts the reply by
     * hand and says so, and the case goes on to the follow-up without anything posted again.
     */
    @Test
    void aReplyInstagramRefusesReachesTheAgentsAtOnceAndTheCaseGoesOnWhenAnAgentDeliversItByHand() {
        Map<String, Object> complaint = SampleComplaint.body(
                "instagram",
                "ig-" + java.util.UUID.randomUUID(),
                20,
                "Love the mug, but I wish it came with a lid. Please add a bamboo lid option.",
                "en");
        String commentId = (String) complaint.get("externalId");
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + commentId + "/replies"))
                .willReturn(aResponse()
                        .withStatus(400)
                        .withHeader("Content-Type", "application/json")
                        .withBody(
                                """
                        {"error": {"message": "(#100) Unsupported post request. Object with ID '%s' does not exist",
                                   "type": "IGApiException", "code": 100, "error_subcode": 33, "fbtrace_id": "AbC1"}}"""
                                        .formatted(commentId))));
        Tasklist tasklist = new Tasklist(http, management, "/engine-rest/engine/instagramapptest");
        Tasklist.Opened c = tasklist.open("ana", complaint);
        InstagramGraphStub.triageAndDraftReply(tasklist, c.processInstanceId());
        tasklist.runDueJobs(c.processInstanceId());

        Job publish = management
                .createJobQuery()
                .processInstanceId(c.processInstanceId())
                .activityId(Activity.PUBLISH_REPLY)
                .singleResult();
        assertThat(publish.getRetries())
                .as("retries end after the refusal: %s", publish.getExceptionMessage())
                .isZero();
        instagram.verify(1, postRequestedFor(urlPathEqualTo("/v21.0/" + commentId + "/replies")));
        Process failures = processes(DeliveryFailure.PROCESS_KEY, c.businessKey());
        String failure = failures.onlyId();
        String task = tasklist.awaitTask("ana", failure, DeliveryFailure.Activity.HANDLE);
        JsonNode shown = tasklist.get("ana", tasklist.engine("/task/" + task + "/form-variables"))
                .getBody();
        assertThat(shown.path(DeliveryFailure.Var.DELIVERY_ERROR).path("value").asText())
                .contains("Instagram refused the comment reply (HTTP 400, code 100")
                .contains("does not exist");
        assertThat(shown.path(DeliveryFailure.Var.FAILED_STEP).path("value").asText())
                .isEqualTo("Publish reply");

        tasklist.work(
                "ana",
                failure,
                DeliveryFailure.Activity.HANDLE,
                Tasklist.values(
                        DeliveryFailure.Var.DECISION,
                        DeliveryFailure.Var.MANUAL,
                        DeliveryFailure.Var.NOTE,
                        "The comment was deleted; I sent the reply to Mia in Direct at 10:05."),
                task);
        tasklist.runDueJobs(failure);
        tasklist.runDueJobs(c.processInstanceId());

        tasklist.awaitTask("ana", c.processInstanceId(), Activity.PREPARE_FOLLOW_UP);
        assertThat(outbox.forCase(c.caseId())).singleElement().satisfies(reply -> {
            assertThat(reply.kind()).isEqualTo(MessageKind.REPLY);
            assertThat(reply.status()).isEqualTo(Outbox.MANUAL);
            assertThat(reply.platformRef()).isEqualTo("manual:ana");
        });
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(c.processInstanceId())
                        .count())
                .isZero();
        instagram.verify(1, postRequestedFor(urlPathEqualTo("/v21.0/" + commentId + "/replies")));

        // #5: the auditor's timeline tells it across both processes: the incident, ana's decision, the reply by hand
        JsonNode timeline = tasklist.get("audrey", "/api/audit/cases/" + c.caseId() + "/timeline")
                .getBody();
        List<JsonNode> entries = new java.util.ArrayList<>();
        timeline.path("entries").forEach(entries::add);
        int incident = indexOf(
                entries,
                e -> "incident".equals(e.path("kind").asText())
                        && "opened".equals(e.path("event").asText())
                        && "complaint-lifecycle".equals(e.path("processKey").asText())
                        && e.path("detail").path("message").asText().contains("Instagram refused"));
        int handled = indexOf(
                entries,
                e -> "task".equals(e.path("kind").asText())
                        && "completed".equals(e.path("event").asText())
                        && DeliveryFailure.Activity.HANDLE.equals(
                                e.path("detail").path("taskDefinitionKey").asText()));
        int byHand = indexOf(
                entries,
                e -> "message".equals(e.path("kind").asText())
                        && "manual".equals(e.path("event").asText()));
        assertThat(incident).isNotNegative().isLessThan(handled);
        assertThat(handled).isLessThan(byHand);
        assertThat(entries.get(handled).path("actor").asText()).isEqualTo("ana");
        assertThat(entries.get(handled).path("processKey").asText()).isEqualTo(DeliveryFailure.PROCESS_KEY);
        assertThat(entries.get(handled).path("processInstanceId").asText()).isEqualTo(failure);
        assertThat(entries.get(byHand).path("actor").asText()).isEqualTo("ana");
        assertThat(entries.get(byHand).path("detail").path("platformRef").asText())
                .isEqualTo("manual:ana");
        assertThat(entries.get(byHand).path("detail").path("attempts").asInt()).isEqualTo(1);
        assertThat(entries.get(byHand).path("detail").path("lastError").asText())
                .contains("Instagram refused");
        assertThat(indexOf(
                        entries,
                        e -> "incident".equals(e.path("kind").asText())
                                && !"opened".equals(e.path("event").asText())))
                .as("the incident's end")
                .isGreaterThan(incident);
    }

    private static int indexOf(List<JsonNode> entries, java.util.function.Predicate<JsonNode> matches) {
        for (int i = 0; i < entries.size(); i++) {
            if (matches.test(entries.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private record Process(List<String> ids) {
        String onlyId() {
            assertThat(ids).as("delivery-failure cases").hasSize(1);
            return ids.get(0);
        }
    }

    private Process processes(String key, String businessKey) {
        return new Process(
                runtime
                        .createProcessInstanceQuery()
                        .processDefinitionKey(key)
                        .processInstanceBusinessKey(businessKey)
                        .list()
                        .stream()
                        .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId)
                        .toList());
    }

    @Test
    void healthShowsInstagramLiveAndTheOtherChannelsOnTheSandbox() {
        ResponseEntity<JsonNode> health =
                http.withBasicAuth("olga", TestDatabase.password()).getForEntity("/actuator/health", JsonNode.class);

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
