package com.complaintdesk.channel.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.channel.ChannelException;
import com.complaintdesk.channel.Delivery;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.channel.OutboxEntry;
import com.complaintdesk.channel.TestOutboxes;
import com.complaintdesk.intake.ComplaintIntake;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link EbayGateway} through the outbox against WireMock: respondToFeedback
 * (https://developer.ebay.com/api-docs/commerce/feedback/types/fdb:RespondToFeedbackRequest) and sendMessage
 * (https://developer.ebay.com/api-docs/commerce/message/resources/conversation/methods/sendMessage) with their
 * documented request bodies, and the refusals eBay's rules call for.
 */
class EbayGatewayAppTest extends EbayAppTestBase {

    private static final String BUYER = "mia_chen_77";

    @Autowired
    Outbox outbox;

    @Autowired
    EbayFeedbackIntake feedbacks;

    @Autowired
    ComplaintIntake intake;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    EbayGateway configuredGateway;

    @Autowired
    PlatformTransactionManager transactionManager;

    private EbayGateway gateway;
    private Outbox liveOutbox;

    private String feedback;
    private String caseId;

    @BeforeEach
    void anEbayCase() throws Exception {
        gateway = new EbayGateway(liveApi(), live(), intake, new EbayRules(live(), jdbcClient));
        liveOutbox = TestOutboxes.of(jdbcClient, transactionManager, List.of(gateway));
        feedback = feedbackId();
        feedbacks.receive(
                EbayFeedback.read(json.readTree(entry(feedback, "NEGATIVE", "Arrived smashed", BUYER))), "{}");
        caseId = (String) caseOf(feedback).get("id");
        EBAY.stubFor(post(urlPathEqualTo(EbayApi.RESPOND_TO_FEEDBACK))
                .willReturn(aResponse().withStatus(200)));
        EBAY.stubFor(post(urlPathEqualTo(EbayApi.SEND_MESSAGE))
                .willReturn(okJson("{\"conversationId\":\"9112345678\",\"messageId\":\"58012345\"}")));
    }

    @Test
    void aPublicReplyIsRespondToFeedbackOfTypeReplyToTheBuyer() {
        Delivery delivery = send(message(
                MessageKind.REPLY, OutboundMessage.PUBLIC, "Sorry! New mug ships today; see your eBay messages."));

        assertThat(delivery.platformRef()).isEqualTo("ebay:feedback-reply:" + feedback);
        EBAY.verify(
                1,
                postRequestedFor(urlPathEqualTo(EbayApi.RESPOND_TO_FEEDBACK))
                        .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                        .withRequestBody(equalToJson(
                                """
                        {"feedbackId": "%s", "recipientUserId": "%s", "responseType": "REPLY",
                         "responseText": "Sorry! New mug ships today; see your eBay messages."}
                        """
                                        .formatted(feedback, BUYER))));
    }

    @Test
    void aReplyOverEightyCharactersIsRefusedBeforeEbayIsAsked() {
        String text = "x".repeat(81);

        assertThatThrownBy(() -> send(message(MessageKind.REPLY, OutboundMessage.PUBLIC, text)))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("at most 80 characters")
                .hasMessageContaining("81")
                .hasMessageContaining("private message")
                .isInstanceOfSatisfying(
                        ChannelException.class,
                        e -> assertThat(e.refused()).as("no use retrying").isTrue());
        EBAY.verify(0, postRequestedFor(urlPathEqualTo(EbayApi.RESPOND_TO_FEEDBACK)));
        assertThat(outbox.forCase(caseId)).extracting(OutboxEntry::status).containsExactly(Outbox.PENDING);
    }

    @Test
    void aSecondReplyToTheSameFeedbackIsRefused() {
        send(message(MessageKind.REPLY, OutboundMessage.PUBLIC, "Sorry, a new mug is on its way."));

        assertThatThrownBy(() -> send(message(MessageKind.REPLY, OutboundMessage.PUBLIC, "And a coupon too.")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("one reply per feedback");
        EBAY.verify(1, postRequestedFor(urlPathEqualTo(EbayApi.RESPOND_TO_FEEDBACK)));
    }

    @Test
    void privateMessagesOffersAndRemindersGoToTheBuyerWithSendMessage() {
        String text = "Hello, this is Ana from the shop's customer care. We are sorry about your mug.";

        Delivery delivery = send(message(MessageKind.PRIVATE_MESSAGE, OutboundMessage.PRIVATE, text));
        send(message(
                MessageKind.COMPENSATION_OFFER,
                OutboundMessage.PRIVATE,
                "Choose: full refund, or a new mug and a gift."));

        assertThat(delivery.platformRef()).isEqualTo("ebay:message:58012345");
        EBAY.verify(postRequestedFor(urlPathEqualTo(EbayApi.SEND_MESSAGE))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_TOKEN))
                .withRequestBody(equalToJson(
                        "{\"otherPartyUsername\": \"%s\", \"messageText\": \"%s\"}".formatted(BUYER, text))));
        EBAY.verify(2, postRequestedFor(urlPathEqualTo(EbayApi.SEND_MESSAGE)));
    }

    @Test
    void theRevisionRequestIsAMessageWithTheInstructionsAndGoesOnce() {
        send(message(
                MessageKind.REVIEW_REQUEST,
                OutboundMessage.PRIVATE,
                "If you are happy with how we resolved it: My eBay → Feedback → Revise feedback."));

        assertThatThrownBy(() -> send(message(MessageKind.REVIEW_REQUEST, OutboundMessage.PRIVATE, "Please revise.")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("R4");
        EBAY.verify(1, postRequestedFor(urlPathEqualTo(EbayApi.SEND_MESSAGE)));
    }

    @Test
    void anEbayServerErrorIsAChannelExceptionAndNothingIsRecordedAsDelivered() {
        EBAY.stubFor(post(urlPathEqualTo(EbayApi.SEND_MESSAGE))
                .willReturn(aResponse()
                        .withStatus(503)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"errors\":[{\"errorId\":1001,\"message\":\"Service unavailable\"}]}")));

        assertThatThrownBy(() -> send(message(MessageKind.REMINDER, OutboundMessage.PRIVATE, "Have you chosen?")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("503")
                .hasMessageContaining("Service unavailable")
                .isInstanceOfSatisfying(
                        ChannelException.class,
                        e -> assertThat(e.refused()).as("retried later").isFalse());
        assertThat(outbox.forCase(caseId)).extracting(OutboxEntry::status).containsExactly(Outbox.PENDING);
    }

    @Test
    void pausingAListingAndTheRemedyAreLeftToAPersonInSellerHub() {
        assertThat(send(message(MessageKind.PAUSE_LISTING, OutboundMessage.ACTION, "Pause listing"))
                        .platformRef())
                .startsWith("manual:")
                .contains(feedback);
        assertThat(send(message(MessageKind.REMEDY, OutboundMessage.ACTION, "full_refund 19.25 USD"))
                        .platformRef())
                .startsWith("manual:");
    }

    @Test
    void withoutATokenTheGatewayLeavesEbayToTheSandbox() {
        assertThat(configuredGateway.handles("ebay")).isFalse();
        assertThat(outbox.send(message(MessageKind.PRIVATE_MESSAGE, OutboundMessage.PRIVATE, "Hello"))
                        .platformRef())
                .startsWith("sandbox-");
        assertThat(gateway.handles("ebay")).isTrue();
        assertThat(gateway.handles("instagram")).isFalse();
    }

    /** Sends as the lifecycle's jobs do: in a transaction that a refusal rolls back. */
    private Delivery send(OutboundMessage message) {
        return new TransactionTemplate(transactionManager).execute(status -> liveOutbox.send(message));
    }

    private OutboundMessage message(MessageKind kind, String surface, String text) {
        return new OutboundMessage(
                caseId, "ebay", kind, surface, BUYER, text, caseId + ":" + kind + ":" + UUID.randomUUID());
    }
}
