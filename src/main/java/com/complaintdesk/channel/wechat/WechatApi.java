package com.complaintdesk.channel.wechat;

import com.complaintdesk.channel.ChannelException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * WeChat's server API as this channel uses it, with the access_token fetched once and kept until shortly before it
 * expires. Every answer with an {@code errcode} other than 0, every 5xx and every timeout is a
 * {@link ChannelException} carrying WeChat's {@code errmsg}.
 * <ul>
 *   <li>{@code GET /cgi-bin/token?grant_type=client_credential&appid=…&secret=…} answers {@code access_token} and
 *       {@code expires_in} (seconds, at most 7200):
 *       https://developers.weixin.qq.com/miniprogram/dev/server/API/mp-access-token/api_getaccesstoken.html</li>
 *   <li>{@code GET /wxaapi/comment/commentinfo/get?access_token=…} with {@code commentId}: a review's details,
 *       https://developers.weixin.qq.com/miniprogram/dev/server/API/transaction-guarantee/comment/api_getcommentinfo.html.
 *       The page lists {@code commentId} under "请求体" of a GET; it is sent as a query parameter.</li>
 *   <li>{@code POST /wxaapi/comment/reply/add?access_token=…}: the shop's comment under a review ("创建评论"; the first
 *       reply the developer creates is the comment), listed in
 *       https://developers.weixin.qq.com/miniprogram/dev/platform-capabilities/industry/guarantee/comment.html.
 *       Its own page (…/comment/api_addreply) was not among the stored docs: the body {@code commentId} and
 *       {@code content} is taken from the sibling APIs' fields and is kept in {@link #replyBody} alone.</li>
 *   <li>{@code POST /cgi-bin/message/custom/send?access_token=…} with
 *       {@code {"touser": openid, "msgtype": "text", "text": {"content": …}}}: a customer-service message,
 *       https://developers.weixin.qq.com/miniprogram/dev/framework/open-ability/customer-message/send.html and
 *       https://developers.weixin.qq.com/doc/service/api/customer/message/api_sendcustommessage.html</li>
 * </ul>
 */
@Component
class WechatApi {

    /** The token is renewed this long before WeChat says it expires (old and new tokens overlap for 5 minutes). */
    static final Duration TOKEN_MARGIN = Duration.ofMinutes(5);
    /** invalid credential / access_token expired: the cached token is dropped so the retry fetches a new one. */
    private static final Set<Integer> TOKEN_ERRORS = Set.of(40001, 40014, 42001);
    /**
     * Answers that the same message would get again: 45015, the 48-hour customer-service window has closed; 45047,
     * too many messages since the customer last wrote; 43004, the customer does not follow the account.
     */
    private static final Set<Integer> FINAL_ERRORS = Set.of(43004, 45015, 45047);
    /** The calls that post something the customer sees. */
    private static final Set<String> POSTS = Set.of("reply/add", "message/custom/send");

    private final WechatSettings settings;
    private final ObjectMapper json;
    private final Clock clock;

    private WechatProperties clientFor;
    private RestClient client;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    @Autowired
    WechatApi(WechatSettings settings, ObjectMapper json) {
        this(settings, json, Clock.systemUTC());
    }

    WechatApi(WechatSettings settings, ObjectMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** The client for the settings in force; other settings start with a new client and no token. */
    private synchronized RestClient http() {
        WechatProperties current = settings.current();
        if (current != clientFor) {
            SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
            requests.setConnectTimeout(current.timeout());
            requests.setReadTimeout(current.timeout());
            client = RestClient.builder()
                    .baseUrl(current.apiBaseUrl())
                    .requestFactory(requests)
                    .build();
            clientFor = current;
            token = null;
            tokenExpires = Instant.MIN;
        }
        return client;
    }

    /** The review's details. */
    WechatReview review(String commentId) {
        String accessToken = accessToken();
        JsonNode response = call("commentinfo/get", () -> http().get()
                .uri(uri -> uri.path("/wxaapi/comment/commentinfo/get")
                        .queryParam("access_token", accessToken)
                        .queryParam("commentId", commentId)
                        .build())
                .retrieve()
                .body(String.class));
        return WechatReview.read(response);
    }

    /** The shop's public comment under a review. */
    void reply(String commentId, String content) {
        String accessToken = accessToken();
        call("reply/add", () -> http().post()
                .uri(uri -> uri.path("/wxaapi/comment/reply/add")
                        .queryParam("access_token", accessToken)
                        .build())
                .contentType(MediaType.APPLICATION_JSON)
                .body(replyBody(commentId, content))
                .retrieve()
                .body(String.class));
    }

    /**
     * The reply API's body. Not confirmed by a stored page of WeChat's docs (see the class comment): change it here
     * alone if the platform answers otherwise.
     */
    static Map<String, Object> replyBody(String commentId, String content) {
        return Map.of("commentId", commentId, "content", content);
    }

    /** A customer-service text message to {@code openId}. */
    void sendText(String openId, String content) {
        String accessToken = accessToken();
        call("message/custom/send", () -> http().post()
                .uri(uri -> uri.path("/cgi-bin/message/custom/send")
                        .queryParam("access_token", accessToken)
                        .build())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("touser", openId, "msgtype", "text", "text", Map.of("content", content)))
                .retrieve()
                .body(String.class));
    }

    synchronized String accessToken() {
        RestClient http = http();
        WechatProperties current = clientFor;
        Instant now = clock.instant();
        if (token != null && now.isBefore(tokenExpires)) {
            return token;
        }
        JsonNode response = call("token", () -> http.get()
                .uri(uri -> uri.path("/cgi-bin/token")
                        .queryParam("grant_type", "client_credential")
                        .queryParam("appid", current.appId())
                        .queryParam("secret", current.appSecret())
                        .build())
                .retrieve()
                .body(String.class));
        String fresh = WechatPush.text(response.path("access_token"));
        if (fresh == null) {
            throw new ChannelException("WeChat /cgi-bin/token answered without an access_token");
        }
        long expiresIn = response.path("expires_in").asLong(7200);
        token = fresh;
        tokenExpires = now.plusSeconds(expiresIn).minus(TOKEN_MARGIN);
        return token;
    }

    private synchronized void forgetToken() {
        token = null;
        tokenExpires = Instant.MIN;
    }

    private JsonNode call(String api, Request request) {
        String body;
        try {
            body = request.send();
        } catch (ResourceAccessException e) {
            // Unreachable: nothing was sent. No answer to a post in time: it may have been; the retry looks first.
            String failure = "WeChat " + api + " failed: " + e.getMessage();
            throw POSTS.contains(api) ? ChannelException.fromTransport(failure, e) : new ChannelException(failure, e);
        } catch (RestClientException e) {
            // 4xx/5xx: the outbox's job retries later.
            throw new ChannelException("WeChat " + api + " failed: " + e.getMessage(), e);
        }
        JsonNode response;
        try {
            response = body == null ? null : json.readTree(body);
        } catch (IOException e) {
            throw new ChannelException("WeChat " + api + " answered something that is not JSON", e);
        }
        if (response == null || !response.isObject()) {
            throw new ChannelException("WeChat " + api + " answered no JSON object");
        }
        int errcode = response.path("errcode").asInt(0);
        if (errcode != 0) {
            if (TOKEN_ERRORS.contains(errcode)) {
                forgetToken();
            }
            String refusal = "WeChat " + api + " refused (errcode " + errcode + "): "
                    + response.path("errmsg").asText("");
            throw FINAL_ERRORS.contains(errcode) ? ChannelException.refused(refusal) : new ChannelException(refusal);
        }
        return response;
    }

    @FunctionalInterface
    private interface Request {
        String send();
    }
}
