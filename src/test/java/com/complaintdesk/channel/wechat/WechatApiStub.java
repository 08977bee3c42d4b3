package com.complaintdesk.channel.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;

/**
 * WeChat's API in the app tests: the shop's AppID, token and EncodingAESKey as the channel is configured with them,
 * and the channel turned on against a WireMock server that accepts replies and customer-service messages and hands
 * out an access token, in the shapes WeChat documents.
 */
final class WechatApiStub {

    static final String TOKEN = "test-wechat-token";
    static final String APP_ID = "wx1234567890";
    static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

    private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

    private WechatApiStub() {}

    /**
     * The channel on against {@code wechat}, in safe mode with {@code aesKey} or in plaintext mode with {@code null};
     * the cases opened run on, so their replies and messages are answered {@code ok}. Returns the settings before, to
     * put back after the test (the channel is off in the shared test profile).
     */
    static WechatProperties turnOn(WechatSettings settings, WireMockServer wechat, String aesKey) {
        WechatProperties previous = settings.use(new WechatProperties(
                APP_ID, "test-app-secret", TOKEN, wechat.baseUrl(), Duration.ofSeconds(2), aesKey, null));
        wechat.stubFor(post(urlPathMatching("/(wxaapi/comment/reply/add|cgi-bin/message/custom/send)"))
                .willReturn(okJson(OK)));
        wechat.stubFor(get(urlPathEqualTo("/cgi-bin/token"))
                .willReturn(okJson("{\"access_token\":\"ACCESS_TOKEN\",\"expires_in\":7200}")));
        return previous;
    }
}
