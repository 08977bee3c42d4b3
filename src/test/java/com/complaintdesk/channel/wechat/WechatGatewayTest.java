package com.complaintdesk.channel.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import com.complaintdesk.intake.Channel;
import com.complaintdesk.intake.ComplaintCase;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The WeChat gateway against WeChat's server API as documented (WireMock): the token from {@code /cgi-bin/token}
 * (https://developers.weixin.qq.com/miniprogram/dev/server/API/mp-access-token/api_getaccesstoken.html), the
 * review comment {@code /wxaapi/comment/reply/add} and customer-service text messages
 * {@code /cgi-bin/message/custom/send}
 * (https://developers.weixin.qq.com/doc/service/api/customer/message/api_sendcustommessage.html), errors as
 * {@code {"errcode": …, "errmsg": …}}.
 */
class WechatGatewayTest {

    static final String OPEN_ID = "oQ3a45Wg9cU1ustomer";
    static final String COMMENT_ID = "2272502024443330610";
    static final Instant NOW = Instant.parse("2025-03-10T08:00:00Z");

    private WireMockServer wechat;
    private WechatApi api;
    private Instant lastInteraction;
    private OffsetDateTime postedAt;

    @BeforeEach
    void startWechat() {
        wechat = new WireMockServer(wireMockConfig().dynamicPort());
        wechat.start();
        wechat.stubFor(get(urlPathEqualTo("/cgi-bin/token"))
                .willReturn(okJson("{\"access_token\":\"ACCESS_TOKEN_1\",\"expires_in\":7200}")));
        wechat.stubFor(post(urlPathEqualTo("/wxaapi/comment/reply/add"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        WechatProperties settings = new WechatProperties(
                "wx1234567890", "app-secret", "token", wechat.baseUrl(), Duration.ofSeconds(2), null, null);
        api = new WechatApi(new WechatSettings(settings), new ObjectMapper(), Clock.fixed(NOW, ZoneOffset.UTC));
        postedAt = NOW.minus(Duration.ofHours(3)).atOffset(ZoneOffset.UTC);
        lastInteraction = null;
    }

    @AfterEach
    void stopWechat() {
        wechat.stop();
    }

    @Test
    void thePublicReplyIsTheShopsCommentUnderTheReview() {
        String ref = gateway().deliver(message(MessageKind.REPLY, OutboundMessage.PUBLIC, "很抱歉给您带来不好的体验。"));

        assertThat(ref).isEqualTo("wechat:review-reply:" + COMMENT_ID);
        wechat.verify(
                1,
                postRequestedFor(urlPathEqualTo("/wxaapi/comment/reply/add"))
                        .withQueryParam("access_token", equalTo("ACCESS_TOKEN_1"))
                        .withRequestBody(
                                equalToJson("{\"commentId\":\"" + COMMENT_ID + "\",\"content\":\"很抱歉给您带来不好的体验。\"}")));
        wechat.verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
    }

    @Test
    void privateContactIsACustomerServiceTextMessageToTheOpenid() {
        gateway().deliver(message(MessageKind.PRIVATE_MESSAGE, OutboundMessage.PRIVATE, "您好，我是客服小李。"));

        wechat.verify(
                1,
                postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send"))
                        .withQueryParam("access_token", equalTo("ACCESS_TOKEN_1"))
                        .withRequestBody(equalToJson("{\"touser\":\"" + OPEN_ID + "\",\"msgtype\":\"text\","
                                + "\"text\":{\"content\":\"您好，我是客服小李。\"}}")));
        wechat.verify(
                1,
                getRequestedFor(urlPathEqualTo("/cgi-bin/token"))
                        .withQueryParam("grant_type", equalTo("client_credential"))
                        .withQueryParam("appid", equalTo("wx1234567890"))
                        .withQueryParam("secret", equalTo("app-secret")));
    }

    @Test
    void theTokenIsFetchedOnceForTwoSends() {
        WechatGateway gateway = gateway();

        gateway.deliver(message(MessageKind.COMPENSATION_OFFER, OutboundMessage.PRIVATE, "方案一：全额退款"));
        gateway.deliver(message(MessageKind.REMINDER, OutboundMessage.PRIVATE, "请问您选好了吗？"));

        wechat.verify(1, getRequestedFor(urlPathEqualTo("/cgi-bin/token")));
        wechat.verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
    }

    @Test
    void anErrcodeIsAChannelExceptionWithWechatsErrmsg() {
        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send"))
                .willReturn(okJson("{\"errcode\":45047,\"errmsg\":\"out of response count limit rid: 65f0-1\"}")));

        assertThatThrownBy(() ->
                        gateway().deliver(message(MessageKind.REVIEW_REQUEST, OutboundMessage.PRIVATE, "能否更新评价？")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("45047")
                .hasMessageContaining("out of response count limit");
    }

    @Test
    void anExpiredTokenIsFetchedAgainOnTheRetry() {
        wechat.stubFor(post(urlPathEqualTo("/wxaapi/comment/reply/add"))
                .willReturn(okJson("{\"errcode\":42001,\"errmsg\":\"access_token expired\"}")));
        WechatGateway gateway = gateway();
        OutboundMessage reply = message(MessageKind.REPLY, OutboundMessage.PUBLIC, "抱歉");

        assertThatThrownBy(() -> gateway.deliver(reply))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("access_token expired");
        wechat.stubFor(post(urlPathEqualTo("/wxaapi/comment/reply/add"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        gateway.deliver(reply);

        wechat.verify(2, getRequestedFor(urlPathEqualTo("/cgi-bin/token")));
    }

    @Test
    void aServerErrorOrATimeoutIsAChannelException() {
        wechat.stubFor(post(urlPathEqualTo("/wxaapi/comment/reply/add"))
                .willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> gateway().deliver(message(MessageKind.REPLY, OutboundMessage.PUBLIC, "抱歉")))
                .isInstanceOf(ChannelException.class);

        wechat.stubFor(post(urlPathEqualTo("/cgi-bin/message/custom/send"))
                .willReturn(okJson("{\"errcode\":0}").withFixedDelay(3000)));
        assertThatThrownBy(() -> gateway().deliver(message(MessageKind.PRIVATE_MESSAGE, OutboundMessage.PRIVATE, "您好")))
                .isInstanceOf(ChannelException.class);
    }

    @Test
    void noCustomerServiceMessageMoreThan48HoursAfterTheLastInteraction() {
        postedAt = NOW.minus(Duration.ofHours(49)).atOffset(ZoneOffset.UTC);

        assertThatThrownBy(() -> gateway().deliver(message(MessageKind.PRIVATE_MESSAGE, OutboundMessage.PRIVATE, "您好")))
                .isInstanceOf(ChannelException.class)
                .hasMessageContaining("only within 48 hours")
                .hasMessageContaining("that was " + NOW.minus(Duration.ofHours(49)))
                .hasMessageContaining("the window closed at " + NOW.minus(Duration.ofHours(1)))
                .hasMessageContaining(
                        "until the customer writes to customer service again: then choose \"Try again now\"")
                .hasMessageContaining("call them (F5)")
                .hasMessageContaining("\"I delivered it by hand\"");
        wechat.verify(0, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));

        // The customer wrote to customer service an hour ago: the window is open again.
        lastInteraction = NOW.minus(Duration.ofHours(1));
        gateway().deliver(message(MessageKind.PRIVATE_MESSAGE, OutboundMessage.PRIVATE, "您好"));
        wechat.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/custom/send")));
    }

    @Test
    void pausingAListingOrARemedyIsLeftToAPersonWithoutCallingWechat() {
        assertThat(gateway().deliver(message(MessageKind.PAUSE_LISTING, OutboundMessage.ACTION, "pause SKU-1")))
                .startsWith("manual:");
        assertThat(gateway().deliver(message(MessageKind.REMEDY, OutboundMessage.ACTION, "refund")))
                .startsWith("manual:");
        wechat.verify(0, getRequestedFor(urlPathEqualTo("/cgi-bin/token")));
    }

    @Test
    void withoutCredentialsTheGatewayLeavesTheChannelToTheSandbox() {
        assertThat(gateway().handles("wechat")).isTrue();
        assertThat(gateway().handles("instagram")).isFalse();
        assertThat(new WechatGateway(
                                api, id -> Optional.empty(), id -> Optional.empty(), () -> false, Clock.systemUTC())
                        .handles("wechat"))
                .isFalse();
    }

    private WechatGateway gateway() {
        ComplaintCase complaintCase = new ComplaintCase(
                "case-1",
                "wechat:" + COMMENT_ID,
                Channel.WECHAT,
                COMMENT_ID,
                postedAt,
                postedAt,
                "channel:wechat",
                "zh",
                OPEN_ID,
                "小王",
                "杯子碎了",
                "pi-1",
                Map.of());
        return new WechatGateway(
                api,
                openId -> Optional.ofNullable(lastInteraction),
                caseId -> Optional.of(complaintCase),
                () -> true,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static OutboundMessage message(MessageKind kind, String surface, String text) {
        return new OutboundMessage(
                "case-1", "wechat", kind, surface, OPEN_ID, text, "case-1:" + kind + ":" + text.hashCode());
    }
}
