package com.complaintdesk.channel.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #15, item 7: an outsider who captured one signed WeChat push (its query: timestamp, nonce, signature) must
 * not be able to open cases with it. The signature covers timestamp and nonce only, so the push URL refuses a
 * timestamp more than five minutes from now and a nonce that came before with another push
 * ({@link WechatReplayGuard}), while WeChat's own retry of the same push still gets {@code success} and opens nothing
 * twice. The nonces live in the database, so a second node sharing it refuses them too.
 */
@AppTest
class WechatReplayAppTest {

    static final WireMockServer WECHAT = new WireMockServer(wireMockConfig().dynamicPort());

    @BeforeAll
    static void startWechat() {
        WECHAT.start();
    }

    @AfterAll
    static void stopWechat() {
        WECHAT.stop();
    }

    @Autowired
    WechatSettings settings;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    private WechatProperties previous;

    private final WechatSignature wechat = new WechatSignature(WechatApiStub.TOKEN);

    @BeforeEach
    void turnOnAgainstWireMock() {
        previous = WechatApiStub.turnOn(settings, WECHAT, null);
    }

    @AfterEach
    void turnOff() {
        settings.use(previous);
    }

    @Test
    void aValidlySignedPushFrom2001IsRefusedAndNothingIsStored() {
        String commentId = commentId();
        review(commentId);
        // 2001-01-01T00:00:00Z, signed with the right Token: what an outsider holding an old push's query has
        String timestamp = "978307200";
        String nonce = nonce();

        ResponseEntity<String> response = post(jsonEvent(commentId), timestamp, nonce);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getBody()).startsWith("Stale push");
        assertNothingFor(commentId);
        assertThat(nonceRows(nonce)).as("a refused push leaves no nonce behind").isZero();
    }

    @Test
    void aPushSixMinutesInTheFutureIsRefusedAndFourMinutesEitherWayIsTaken() {
        String future = commentId();
        review(future);

        ResponseEntity<String> refused = post(
                jsonEvent(future),
                String.valueOf(Instant.now().plus(Duration.ofMinutes(6)).getEpochSecond()),
                nonce());

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(refused.getBody()).startsWith("Stale push");
        assertNothingFor(future);

        // inside the window both ways: clocks of WeChat and this server differ a little
        String late = commentId();
        review(late);
        String early = commentId();
        review(early);
        assertThat(post(
                                jsonEvent(late),
                                String.valueOf(Instant.now()
                                        .minus(Duration.ofMinutes(4))
                                        .getEpochSecond()),
                                nonce())
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(post(
                                jsonEvent(early),
                                String.valueOf(Instant.now()
                                        .plus(Duration.ofMinutes(4))
                                        .getEpochSecond()),
                                nonce())
                        .getStatusCode())
                .isEqualTo(HttpStatus.OK);
        assertThat(cases(late)).isOne();
        assertThat(cases(early)).isOne();
    }

    @Test
    void aFreshPushIsAcceptedAsBeforeAndItsNonceWithAnotherBodyIsRefused() {
        String commentId = commentId();
        review(commentId);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = nonce();

        ResponseEntity<String> first = post(jsonEvent(commentId), timestamp, nonce);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(first.getBody()).isEqualTo("success");
        assertThat(cases(commentId)).isOne();
        assertThat(storedPushes(commentId)).isOne();

        // the same, still fresh and validly signed query with a body of the outsider's choosing
        String forged = commentId();
        review(forged);
        ResponseEntity<String> replayed = post(jsonEvent(forged), timestamp, nonce);

        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(replayed.getBody()).startsWith("Replayed push");
        assertNothingFor(forged);
        assertThat(cases(commentId)).isOne();
    }

    @Test
    void wechatsRetryOfTheSamePushWithTheSameNonceIsAnsweredSuccessAndOpensNothingTwice() {
        String commentId = commentId();
        review(commentId);
        String body = jsonEvent(commentId);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = nonce();

        ResponseEntity<String> first = post(body, timestamp, nonce);
        ResponseEntity<String> retry = post(body, timestamp, nonce);
        ResponseEntity<String> again = post(body, timestamp, nonce);

        for (ResponseEntity<String> response : List.of(first, retry, again)) {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(response.getBody()).as("WeChat stops pushing on success").isEqualTo("success");
        }
        assertThat(cases(commentId)).isOne();
        assertThat(storedPushes(commentId)).isOne();
        WECHAT.verify(
                1,
                getRequestedFor(urlPathEqualTo("/wxaapi/comment/commentinfo/get"))
                        .withQueryParam("commentId", equalTo(commentId)));
    }

    @Test
    void aReplayInSafeModeIsRefusedToo() throws Exception {
        settings.use(new WechatProperties(
                WechatApiStub.APP_ID,
                "test-app-secret",
                WechatApiStub.TOKEN,
                WECHAT.baseUrl(),
                Duration.ofSeconds(2),
                WechatApiStub.AES_KEY,
                null));
        WechatCrypto crypto = new WechatCrypto(WechatApiStub.TOKEN, WechatApiStub.AES_KEY, WechatApiStub.APP_ID);
        String old = commentId();
        review(old);
        String timestamp = "978307200";
        String nonce = nonce();
        String encrypt = crypto.encrypt(
                jsonEvent(old).getBytes(StandardCharsets.UTF_8),
                "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

        ResponseEntity<String> stale = post(
                "{\"Encrypt\":\"" + encrypt + "\"}",
                "?signature=" + wechat.sign(timestamp, nonce)
                        + "&timestamp=" + timestamp + "&nonce=" + nonce + "&encrypt_type=aes&msg_signature="
                        + crypto.sign(timestamp, nonce, encrypt));

        assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertNothingFor(old);

        String fresh = String.valueOf(Instant.now().getEpochSecond());
        String first = commentId();
        review(first);
        String second = commentId();
        review(second);
        assertThat(postEncrypted(crypto, jsonEvent(first), fresh, nonce).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        ResponseEntity<String> replayed = postEncrypted(crypto, jsonEvent(second), fresh, nonce);

        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(cases(first)).isOne();
        assertNothingFor(second);
    }

    /** Two nodes share the database: a nonce one of them took is refused by the other, also when both race. */
    @Test
    void anotherNodeSharingTheDatabaseRefusesTheNonceAndOnlyOneOfRacingClaimsWins() throws Exception {
        WechatReplayGuard thisNode = new WechatReplayGuard(jdbc);
        WechatReplayGuard otherNode = new WechatReplayGuard(jdbc);
        Duration window = Duration.ofMinutes(5);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = nonce();
        byte[] push = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

        assertThat(thisNode.claim(WechatApiStub.APP_ID, nonce, timestamp, window, push))
                .isEqualTo(WechatReplayGuard.Claim.FIRST);
        assertThat(otherNode.claim(
                        WechatApiStub.APP_ID, nonce, timestamp, window, "{\"a\":2}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(WechatReplayGuard.Claim.REPLAYED);
        assertThat(otherNode.claim(WechatApiStub.APP_ID, nonce, timestamp, window, push))
                .isEqualTo(WechatReplayGuard.Claim.SAME_PUSH_AGAIN);
        assertThat(otherNode.claim("wx_another_mini_program", nonce, timestamp, window, push))
                .as("nonces are per AppID")
                .isEqualTo(WechatReplayGuard.Claim.FIRST);

        String racing = nonce();
        int claims = 8;
        ExecutorService pool = Executors.newFixedThreadPool(claims);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<WechatReplayGuard.Claim>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < claims; i++) {
                WechatReplayGuard node = i % 2 == 0 ? thisNode : otherNode;
                byte[] body = ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8);
                Callable<WechatReplayGuard.Claim> claim = () -> {
                    start.await();
                    return node.claim(WechatApiStub.APP_ID, racing, timestamp, window, body);
                };
                outcomes.add(pool.submit(claim));
            }
            start.countDown();
            List<WechatReplayGuard.Claim> claimed = new ArrayList<>();
            for (Future<WechatReplayGuard.Claim> outcome : outcomes) {
                claimed.add(outcome.get());
            }
            assertThat(claimed)
                    .containsOnlyOnce(WechatReplayGuard.Claim.FIRST)
                    .filteredOn(c -> c != WechatReplayGuard.Claim.FIRST)
                    .containsOnly(WechatReplayGuard.Claim.REPLAYED);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void nonceRowsPastTheirWindowAreDeletedWhenNewOnesAreInserted() {
        String expired = nonce();
        jdbc.sql("INSERT INTO cd_wechat_push_nonce (app_id, nonce, push_sha256, expires_at) VALUES (:a, :n, :h, :e)")
                .param("a", WechatApiStub.APP_ID)
                .param("n", expired)
                .param("h", "0".repeat(64))
                .param("e", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
                .update();

        // a node that has not purged yet (a new one) purges before its first insert
        new WechatReplayGuard(jdbc)
                .claim(
                        WechatApiStub.APP_ID,
                        nonce(),
                        String.valueOf(Instant.now().getEpochSecond()),
                        Duration.ofMinutes(5),
                        new byte[] {1});

        assertThat(nonceRows(expired)).isZero();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void assertNothingFor(String commentId) {
        assertThat(cases(commentId)).isZero();
        assertThat(storedPushes(commentId)).isZero();
        WECHAT.verify(
                0,
                getRequestedFor(urlPathEqualTo("/wxaapi/comment/commentinfo/get"))
                        .withQueryParam("commentId", equalTo(commentId)));
    }

    private static void review(String commentId) {
        WECHAT.stubFor(get(urlPathEqualTo("/wxaapi/comment/commentinfo/get"))
                .withQueryParam("commentId", equalTo(commentId))
                .willReturn(okJson("{\"errcode\":0,\"info\":{\"content\":{\"commentId\":\"" + commentId
                        + "\",\"createTime\":\"" + (Instant.now().getEpochSecond() - 60) + "\",\"score\":100,"
                        + "\"userInfo\":{\"openid\":\"oQ3a4" + commentId + "\",\"nickName\":\"小王\"},"
                        + "\"content\":{\"txt\":\"杯子收到就碎了\",\"media\":[]}}},\"processInfo\":{\"commentId\":\""
                        + commentId + "\",\"actionList\":[]}}")));
    }

    private static String jsonEvent(String commentId) {
        return "{\"ToUserName\":\"gh_abcdefg\",\"FromUserName\":\"oABCD\",\"CreateTime\":"
                + Instant.now().getEpochSecond()
                + ",\"MsgType\":\"event\",\"Event\":\"wxa_comment_bad_score\",\"result\":{\"comment_id\":\"" + commentId
                + "\"}}";
    }

    private ResponseEntity<String> post(String body, String timestamp, String nonce) {
        return post(
                body, "?signature=" + wechat.sign(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce);
    }

    private ResponseEntity<String> postEncrypted(WechatCrypto crypto, String push, String timestamp, String nonce)
            throws Exception {
        String encrypt = crypto.encrypt(
                push.getBytes(StandardCharsets.UTF_8), "fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        return post(
                "{\"Encrypt\":\"" + encrypt + "\"}",
                "?signature=" + wechat.sign(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                        + "&encrypt_type=aes&msg_signature=" + crypto.sign(timestamp, nonce, encrypt));
    }

    private ResponseEntity<String> post(String body, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.postForEntity(
                URI.create(WechatWebhookController.PATH + query),
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
                String.class);
    }

    private static String nonce() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private static String commentId() {
        return "22725" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L);
    }

    private long cases(String commentId) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE channel = 'wechat' AND external_id = :id")
                .param("id", commentId)
                .query(Long.class)
                .single();
    }

    private long storedPushes(String commentId) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_inbound_event WHERE channel = 'wechat' AND payload LIKE :id")
                .param("id", "%" + commentId + "%")
                .query(Long.class)
                .single();
    }

    private long nonceRows(String nonce) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_wechat_push_nonce WHERE nonce = :n")
                .param("n", nonce)
                .query(Long.class)
                .single();
    }
}
