package com.complaintdesk.channel.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.channel.OutboxEntry;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.web.client.RestClient;

/**
 * The Instagram gateway against a stub of the Graph API that answers in the documented shapes:
 * <a href="https://developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/ig-comment/replies">IG
 * Comment Replies</a> ({@code POST /{ig-comment-id}/replies?message=…} → {@code {"id"}}),
 * <a href="https://developers.facebook.com/docs/instagram-platform/private-replies">Send a Private Reply to a
 * Commenter</a> ({@code POST /{ig-id}/messages} with {@code recipient.comment_id}, Bearer token),
 * <a href="https://developers.facebook.com/docs/messenger-platform/instagram/features/send-message">Send a Message</a>
 * ({@code {"recipient_id","message_id"}}) and
 * <a href="https://developers.facebook.com/docs/graph-api/guides/error-handling">Handling Errors</a> (the error object).
 */
class InstagramGatewayTest {

    @RegisterExtension
    static WireMockExtension instagram = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    static final String TOKEN = "EAAG-test-page-token";
    static final String ACCOUNT = "17841400000000001";
    static final String COMMENT = "17870913679156914";
    static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    final FakeCases cases = new FakeCases(NOW.minus(Duration.ofHours(3)));

    @Test
    void replyIsPostedUnderTheCasesCommentWithTheTokenInTheHeaderAndReturnsTheNewCommentsId() {
        String text = "We're so sorry your mug arrived broken — 20% off & a free reshipment? +1 来自客服 #care";
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + COMMENT + "/replies"))
                .willReturn(okJson("{\"id\": \"17873440459141021\"}")));

        String ref = gateway().deliver(message(MessageKind.REPLY, OutboundMessage.PUBLIC, text));

        assertThat(ref).isEqualTo("17873440459141021");
        instagram.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v21.0/" + COMMENT + "/replies"))
                        .withQueryParam("message", equalTo(text))
                        .withQueryParam("access_token", absent())
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void statementOnThePublicSurfaceIsAlsoAReplyUnderTheComment() {
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + COMMENT + "/replies"))
                .willReturn(okJson("{\"id\": \"17873440459141022\"}")));

        String ref = gateway()
                .deliver(message(
                        MessageKind.STATEMENT,
                        OutboundMessage.PUBLIC,
                        "A statement from the shop: we have paused the mug while we investigate."));

        assertThat(ref).isEqualTo("17873440459141022");
    }

    @ParameterizedTest
    @EnumSource(
            value = MessageKind.class,
            names = {"PRIVATE_MESSAGE", "COMPENSATION_OFFER", "REMINDER", "REVIEW_REQUEST"})
    void firstPrivateMessageIsThePrivateReplyToTheCommentFromTheShopsAccount(MessageKind kind) {
        String text = "Hi Mia, this is Ana from the care team. Could you send us a photo of the mug?";
        instagram.stubFor(
                post(urlPathEqualTo("/v21.0/" + ACCOUNT + "/messages"))
                        .willReturn(
                                okJson(
                                        "{\"recipient_id\": \"1254459154682919\", \"message_id\": \"aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE\"}")));

        String ref = gateway().deliver(message(kind, OutboundMessage.PRIVATE, text));

        assertThat(ref).isEqualTo("aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlE");
        instagram.verify(
                1,
                postRequestedFor(urlPathEqualTo("/v21.0/" + ACCOUNT + "/messages"))
                        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(equalToJson(
                                """
                        {"recipient": {"comment_id": "%s"}, "message": {"text": "%s"}}"""
                                        .formatted(COMMENT, text))));
    }

    @Test
    void privateMessageAfterTheCommentsPrivateReplyIsRefusedWithoutAskingInstagram() {
        cases.privateReplySent = true;

        assertThatThrownBy(() -> gateway()
                        .deliver(message(
                                MessageKind.COMPENSATION_OFFER,
                                OutboundMessage.PRIVATE,
                                "Here are three ways we can make this right.")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining(
                        "Instagram allows one private reply per comment, and this comment's was already sent")
                .hasMessageContaining("however often it is tried again")
                .hasMessageContaining("send it to the customer yourself in the Instagram Direct conversation")
                .hasMessageContaining("\"I delivered it by hand\"");
        instagram.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void privateMessageSevenDaysAfterTheCommentIsRefusedWithoutAskingInstagram() {
        cases.postedAt = NOW.minus(Duration.ofDays(7)).atOffset(ZoneOffset.UTC);

        assertThatThrownBy(() -> gateway()
                        .deliver(message(
                                MessageKind.PRIVATE_MESSAGE,
                                OutboundMessage.PRIVATE,
                                "Hi Mia, following up on your comment.")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("only within 7 days of the comment")
                .hasMessageContaining("send it to the customer yourself in the Instagram Direct conversation")
                .hasMessageContaining("\"I delivered it by hand\"");
        instagram.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void privateMessageLongerThanInstagramAllowsIsRefusedWithoutAskingInstagram() {
        assertThatThrownBy(() -> gateway()
                        .deliver(message(MessageKind.PRIVATE_MESSAGE, OutboundMessage.PRIVATE, "您好".repeat(200))))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("at most 1000 bytes")
                .hasMessageContaining("1200");
        instagram.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void serverErrorThrowsSoTheJobRetriesAndTheRetryDeliversOnce() {
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + COMMENT + "/replies"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(
                        aResponse()
                                .withStatus(500)
                                .withHeader("Content-Type", "application/json")
                                .withBody(
                                        """
                        {"error": {"message": "An unexpected error has occurred. Please retry your request later.",
                                   "type": "OAuthException", "code": 2, "is_transient": true, "fbtrace_id": "A1b2C3"}}"""))
                .willSetStateTo("recovered"));
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + COMMENT + "/replies"))
                .inScenario("flaky")
                .whenScenarioStateIs("recovered")
                .willReturn(okJson("{\"id\": \"17873440459141023\"}")));
        InstagramGateway gateway = gateway();
        OutboundMessage reply = message(MessageKind.REPLY, OutboundMessage.PUBLIC, "We're sorry, and we're on it.");

        assertThatThrownBy(() -> gateway.deliver(reply))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("An unexpected error has occurred. Please retry your request later.")
                .hasMessageContaining("the job retries");
        String ref = gateway.deliver(reply);

        assertThat(ref).isEqualTo("17873440459141023");
        instagram.verify(2, postRequestedFor(urlPathEqualTo("/v21.0/" + COMMENT + "/replies")));
    }

    @Test
    void instagramAnsweringLaterThanTheReadTimeoutMayHavePostedTheReply() {
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + COMMENT + "/replies"))
                .willReturn(okJson("{\"id\": \"17873440459141024\"}").withFixedDelay(2_000)));
        InstagramGateway gateway = gateway(Duration.ofMillis(300));
        long started = System.nanoTime();

        assertThatThrownBy(() -> gateway.deliver(message(MessageKind.REPLY, OutboundMessage.PUBLIC, "We're on it.")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("did not answer the comment reply within 300 ms")
                .isInstanceOfSatisfying(ChannelException.class, e -> assertThat(e.outcomeUnknown())
                        .isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_800));
    }

    @Test
    void graphErrorIsAChannelExceptionCarryingInstagramsMessage() {
        instagram.stubFor(
                post(urlPathEqualTo("/v21.0/" + COMMENT + "/replies"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": {"message": "(#100) Unsupported post request. Object with ID '17870913679156914' does not exist",
                                   "type": "IGApiException", "code": 100, "error_subcode": 33, "fbtrace_id": "AbCdEfGh123"}}""")));

        assertThatThrownBy(() -> gateway().deliver(message(MessageKind.REPLY, OutboundMessage.PUBLIC, "We're on it.")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining(
                        "Instagram refused the comment reply (HTTP 400, code 100, subcode 33, type IGApiException,"
                                + " fbtrace_id AbCdEfGh123)")
                .hasMessageContaining(
                        "(#100) Unsupported post request. Object with ID '17870913679156914' does not exist");
    }

    @Test
    void refusedPrivateReplyCarriesInstagramsMessage() {
        instagram.stubFor(
                post(urlPathEqualTo("/v21.0/" + ACCOUNT + "/messages"))
                        .willReturn(
                                aResponse()
                                        .withStatus(400)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": {"message": "This message is sent outside of allowed window.",
                                   "type": "OAuthException", "code": 10, "error_subcode": 2534022, "fbtrace_id": "Zz9"}}""")));

        assertThatThrownBy(() ->
                        gateway().deliver(message(MessageKind.PRIVATE_MESSAGE, OutboundMessage.PRIVATE, "Hi Mia")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("Instagram refused the private reply (HTTP 400, code 10, subcode 2534022")
                .hasMessageContaining("This message is sent outside of allowed window.");
    }

    @Test
    void answerThatIsNoGraphErrorStillSaysWhatFailed() {
        instagram.stubFor(post(urlPathEqualTo("/v21.0/" + COMMENT + "/replies"))
                .willReturn(aResponse()
                        .withStatus(502)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html>Bad gateway</html>")));

        assertThatThrownBy(() -> gateway().deliver(message(MessageKind.REPLY, OutboundMessage.PUBLIC, "We're on it.")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining(
                        "Instagram failed on the comment reply (HTTP 502): no Graph error in the answer; the job retries");
    }

    @Test
    void aRefusalInstagramWouldRepeatEndsTheRetriesAndThrottlingDoesNot() {
        assertThat(InstagramGraphClient.mayPassLater(org.springframework.http.HttpStatus.BAD_REQUEST, graphError(100)))
                .as("object does not exist")
                .isFalse();
        assertThat(InstagramGraphClient.mayPassLater(org.springframework.http.HttpStatus.BAD_REQUEST, graphError(10)))
                .as("outside the messaging window")
                .isFalse();
        assertThat(InstagramGraphClient.mayPassLater(org.springframework.http.HttpStatus.BAD_REQUEST, graphError(4)))
                .as("application request limit")
                .isTrue();
        assertThat(InstagramGraphClient.mayPassLater(org.springframework.http.HttpStatus.BAD_REQUEST, graphError(190)))
                .as("expired token")
                .isTrue();
        assertThat(InstagramGraphClient.mayPassLater(org.springframework.http.HttpStatus.BAD_GATEWAY, null))
                .isTrue();
        assertThat(InstagramGraphClient.mayPassLater(org.springframework.http.HttpStatus.TOO_MANY_REQUESTS, null))
                .isTrue();
    }

    @Test
    void aLookUpForAReplyUnderTheCommentFindsOnlyTheShopsReplyWithTheSameText() {
        instagram.stubFor(
                com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo("/v21.0/" + COMMENT + "/replies"))
                        .willReturn(okJson(
                                """
                        {"data": [
                          {"id": "1", "text": "We're on it.", "from": {"id": "17841499999999999", "username": "copycat"}},
                          {"id": "2", "text": "We're on it!", "from": {"id": "%s", "username": "the.shop"}},
                          {"id": "3", "text": "We're on it.", "from": {"id": "%s", "username": "the.shop"}}
                        ]}"""
                                        .formatted(ACCOUNT, ACCOUNT))));

        assertThat(gateway().check(message(MessageKind.REPLY, OutboundMessage.PUBLIC, "We're on it.")))
                .isEqualTo(com.complaintdesk.channel.DeliveryCheck.found("3"));
        assertThat(gateway()
                        .check(message(MessageKind.REPLY, OutboundMessage.PUBLIC, "Something else."))
                        .state())
                .isEqualTo(com.complaintdesk.channel.DeliveryCheck.State.ABSENT);
        assertThat(gateway()
                        .check(message(MessageKind.PRIVATE_MESSAGE, OutboundMessage.PRIVATE, "We're on it."))
                        .state())
                .isEqualTo(com.complaintdesk.channel.DeliveryCheck.State.UNKNOWN);
    }

    private static com.fasterxml.jackson.databind.JsonNode graphError(int code) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(
                            "{\"error\": {\"message\": \"m\", \"type\": \"OAuthException\", \"code\": " + code + "}}");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void pausingAListingAndCarryingOutARemedyAreRecordedAsManualActions() {
        InstagramGateway gateway = gateway();

        String pause = gateway.deliver(
                message(MessageKind.PAUSE_LISTING, OutboundMessage.ACTION, "Pause listing MUG-CER-350"));
        String remedy = gateway.deliver(
                message(MessageKind.REMEDY, OutboundMessage.ACTION, "refund for order ord-1: 19.25 USD"));

        assertThat(pause).startsWith(InstagramGateway.MANUAL_PREFIX);
        assertThat(remedy).startsWith(InstagramGateway.MANUAL_PREFIX).isNotEqualTo(pause);
        assertThat(UUID.fromString(pause.substring(InstagramGateway.MANUAL_PREFIX.length())))
                .isNotNull();
        instagram.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void messageOfAnUnknownCaseIsAChannelException() {
        cases.known = false;

        assertThatThrownBy(() -> gateway().deliver(message(MessageKind.REPLY, OutboundMessage.PUBLIC, "We're on it.")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("case case-1 is unknown");
        instagram.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void gatewayHandlesInstagramOnlyWithBothAccessTokenAndAccountId() {
        assertThat(gatewayWith(properties(TOKEN, ACCOUNT, Duration.ofSeconds(5)))
                        .handles("instagram"))
                .isTrue();
        assertThat(gatewayWith(properties(TOKEN, ACCOUNT, Duration.ofSeconds(5)))
                        .handles("ebay"))
                .isFalse();
        assertThat(gatewayWith(properties(null, ACCOUNT, Duration.ofSeconds(5))).handles("instagram"))
                .isFalse();
        assertThat(gatewayWith(properties(" ", ACCOUNT, Duration.ofSeconds(5))).handles("instagram"))
                .isFalse();
        assertThat(gatewayWith(properties(TOKEN, "", Duration.ofSeconds(5))).handles("instagram"))
                .isFalse();
    }

    @Test
    void gatewayThatIsOffRefusesToPostWhenAskedAnyway() {
        InstagramGateway off = gatewayWith(properties(null, ACCOUNT, Duration.ofSeconds(5)));

        assertThatThrownBy(() -> off.deliver(message(MessageKind.REPLY, OutboundMessage.PUBLIC, "We're on it.")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Instagram delivery is off (no access token)");
        instagram.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void onlyAPrivateMessageInstagramDeliveredCountsAsTheCommentsPrivateReply() {
        OffsetDateTime at = NOW.atOffset(ZoneOffset.UTC);
        OutboxEntry delivered = new OutboxEntry(
                "m1",
                "case-1",
                "instagram",
                MessageKind.PRIVATE_MESSAGE,
                "private",
                "cust-1",
                "Hi",
                "k1",
                Outbox.DELIVERED,
                "aWdfZAG1faXRlbToxOklH",
                at,
                at);

        assertThat(InstagramGateway.deliveredPrivatelyOnInstagram(delivered)).isTrue();
        assertThat(InstagramGateway.deliveredPrivatelyOnInstagram(withRef(delivered, "sandbox-" + UUID.randomUUID())))
                .isFalse();
        assertThat(InstagramGateway.deliveredPrivatelyOnInstagram(new OutboxEntry(
                        "m2",
                        "case-1",
                        "instagram",
                        MessageKind.PRIVATE_MESSAGE,
                        "private",
                        "cust-1",
                        "Hi",
                        "k2",
                        Outbox.PENDING,
                        null,
                        at,
                        null)))
                .isFalse();
        assertThat(InstagramGateway.deliveredPrivatelyOnInstagram(new OutboxEntry(
                        "m3",
                        "case-1",
                        "instagram",
                        MessageKind.REPLY,
                        "public",
                        "cust-1",
                        "Hi",
                        "k3",
                        Outbox.DELIVERED,
                        "1787",
                        at,
                        at)))
                .isFalse();
        assertThat(InstagramGateway.deliveredPrivatelyOnInstagram(new OutboxEntry(
                        "m4",
                        "case-1",
                        "ebay",
                        MessageKind.PRIVATE_MESSAGE,
                        "private",
                        "cust-1",
                        "Hi",
                        "k4",
                        Outbox.DELIVERED,
                        "ebay-1",
                        at,
                        at)))
                .isFalse();
    }

    @Test
    void settingsNeverShowTheAccessToken() {
        assertThat(properties(TOKEN, ACCOUNT, Duration.ofSeconds(5)).toString())
                .doesNotContain(TOKEN)
                .contains("(set)");
    }

    private InstagramGateway gateway() {
        return gateway(Duration.ofSeconds(5));
    }

    private InstagramGateway gateway(Duration readTimeout) {
        return gatewayWith(properties(TOKEN, ACCOUNT, readTimeout));
    }

    private InstagramGateway gatewayWith(InstagramOutboundProperties graph) {
        InstagramGraphClient client =
                graph.configured() ? InstagramGraphClient.create(graph, RestClient.builder()) : null;
        return new InstagramGateway(graph, client, cases, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static InstagramOutboundProperties properties(String token, String account, Duration readTimeout) {
        return new InstagramOutboundProperties(
                instagram.baseUrl() + "/v21.0/", token, account, Duration.ofSeconds(2), readTimeout);
    }

    private static OutboundMessage message(MessageKind kind, String surface, String text) {
        return new OutboundMessage("case-1", "instagram", kind, surface, "cust-1", text, "case-1:" + UUID.randomUUID());
    }

    private static OutboxEntry withRef(OutboxEntry e, String ref) {
        return new OutboxEntry(
                e.id(),
                e.caseId(),
                e.channel(),
                e.kind(),
                e.surface(),
                e.recipient(),
                e.text(),
                e.idempotencyKey(),
                e.status(),
                ref,
                e.createdAt(),
                e.deliveredAt());
    }

    /** One Instagram case, case-1, about the comment {@value #COMMENT}. */
    static class FakeCases implements InstagramGateway.Cases {

        OffsetDateTime postedAt;
        boolean privateReplySent;
        boolean known = true;

        FakeCases(Instant postedAt) {
            this.postedAt = postedAt.atOffset(ZoneOffset.UTC);
        }

        @Override
        public Optional<InstagramGateway.Comment> comment(String caseId) {
            return known && "case-1".equals(caseId)
                    ? Optional.of(new InstagramGateway.Comment(COMMENT, postedAt))
                    : Optional.empty();
        }

        @Override
        public boolean privateReplySent(String caseId) {
            return privateReplySent;
        }
    }
}
