package com.complaintdesk.channel.wechat;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.CaseEvidence;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
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
 * The WeChat message push URL as WeChat calls it, in plain-text mode: the server verification and pushes signed with
 * the Token over {@code timestamp} and {@code nonce}
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html), the bad-review
 * event in both data formats (https://developers.weixin.qq.com/miniprogram/dev/server/event_push/guarantee/negative.html),
 * and WeChat's API (WireMock) answering the token and the review's details
 * (https://developers.weixin.qq.com/miniprogram/dev/server/API/transaction-guarantee/comment/api_getcommentinfo.html).
 */
@AppTest
class WechatWebhookAppTest {

    static final String TOKEN = WechatApiStub.TOKEN;
    static final String AES_KEY = WechatApiStub.AES_KEY;

    private static WechatProperties withAesKey(WechatProperties p) {
        return new WechatProperties(
                p.appId(), p.appSecret(), p.token(), p.apiBaseUrl(), p.timeout(), AES_KEY, p.maxClockSkew());
    }

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

    /** The channel is off in the shared test profile; this class turns it on against WireMock, and off again. */
    private WechatProperties previous;

    private final WechatSignature wechat = new WechatSignature(TOKEN);

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    @Autowired
    HistoryService history;

    @Autowired
    TaskService tasks;

    @BeforeEach
    void turnOnAgainstWireMock() {
        previous = WechatApiStub.turnOn(settings, WECHAT, null);
    }

    @AfterEach
    void turnOff() {
        settings.use(previous);
    }

    @Test
    void theServerVerificationIsAnsweredWithEchostrWhenSigned() {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        ResponseEntity<String> ok = http.getForEntity(
                URI.create(WechatWebhookController.PATH + "?signature=" + wechat.sign(timestamp, "1514711492")
                        + "&timestamp=" + timestamp + "&nonce=1514711492&echostr=4375120948345356249"),
                String.class);
        ResponseEntity<String> wrong = http.getForEntity(
                URI.create(WechatWebhookController.PATH
                        + "?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=" + timestamp
                        + "&nonce=1514711492&echostr=4375120948345356249"),
                String.class);

        assertThat(ok.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(ok.getBody()).isEqualTo("4375120948345356249");
        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aBadReviewEventOpensOneCaseWithTheFetchedReview() {
        String commentId = commentId();
        String openId = "oQ3a4" + commentId;
        review(commentId, "杯子收到就碎了，客服也不回复！", openId, null);
        String event = jsonEvent(commentId);

        ResponseEntity<String> response = push(event);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("success");
        Map<String, Object> c = caseOf(commentId);
        assertThat(c.get("text")).isEqualTo("杯子收到就碎了，客服也不回复！");
        assertThat(c.get("language")).isEqualTo("zh");
        assertThat(c.get("customer_id")).isEqualTo(openId);
        assertThat(c.get("customer_name")).isEqualTo("小王");
        assertThat(c.get("received_by")).isEqualTo("channel:wechat");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY)
                        .processInstanceBusinessKey("wechat:" + commentId)
                        .count())
                .isOne();
        assertThat(jdbc.sql("SELECT payload FROM cd_complaint WHERE channel = 'wechat' AND external_id = :id")
                        .param("id", commentId)
                        .query(String.class)
                        .single())
                .contains("payorder@_4200001761202302096311111111")
                .contains("39.9");
        WECHAT.verify(getRequestedFor(urlPathEqualTo("/wxaapi/comment/commentinfo/get"))
                .withQueryParam("commentId", equalTo(commentId))
                .withQueryParam("access_token", equalTo("ACCESS_TOKEN")));
        assertThat(storedPushes(commentId)).isOne();
        // X4, E6: the complaint as received and the push exactly as WeChat signed it are the case's evidence
        assertThat(CaseEvidence.kinds(jdbc, "wechat", commentId)).containsExactly("complaint", "inbound");
        assertThat(CaseEvidence.inboundPayloads(jdbc, "wechat", commentId)).containsExactly(event);
    }

    /** Safe mode (安全模式): the push arrives AES-encrypted in an Encrypt field, signed by msg_signature. */
    @Test
    void anEncryptedPushInSafeModeOpensACaseAndATamperedOneIsRefusedWithNothingStored() throws Exception {
        settings.use(withAesKey(settings.current()));
        WechatCrypto crypto = new WechatCrypto(TOKEN, AES_KEY, WechatApiStub.APP_ID);
        String commentId = commentId();
        review(commentId, "杯子收到就碎了", "oQ3a4" + commentId, null);
        String encrypt = crypto.encrypt(
                jsonEvent(commentId).getBytes(StandardCharsets.UTF_8),
                "0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
        String body = "{\"ToUserName\":\"gh_abcdefg\",\"Encrypt\":\"" + encrypt + "\"}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        // A new nonce on every run: a nonce is accepted once within the clock-skew window (WechatReplayGuard)
        String nonce = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000_000));
        String query = "?signature=" + wechat.sign(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                + "&encrypt_type=aes&msg_signature=";

        ResponseEntity<String> forged = post(
                body,
                query + crypto.sign(timestamp, nonce, encrypt).replace('a', 'b').replace('0', '1'));
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(forged.getBody()).contains("msg_signature does not match");
        assertThat(storedPushes(commentId)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE channel = 'wechat' AND external_id = :id")
                        .param("id", commentId)
                        .query(Long.class)
                        .single())
                .isZero();

        ResponseEntity<String> response = post(body, query + crypto.sign(timestamp, nonce, encrypt));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("success");
        assertThat(caseOf(commentId)).containsEntry("text", "杯子收到就碎了");
        assertThat(storedPushes(commentId)).as("the decrypted push is kept").isOne();
    }

    @Test
    void anEncryptedPushWithoutAnEncodingAesKeyConfiguredIsRefused() {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        ResponseEntity<String> response = post(
                "{\"Encrypt\":\"abc\"}",
                "?signature=" + wechat.sign(timestamp, "7") + "&timestamp=" + timestamp
                        + "&nonce=7&encrypt_type=aes&msg_signature=x");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody()).contains("EncodingAESKey");
    }

    @Test
    void anXmlEventInEnglishOpensACaseInEnglish() {
        String commentId = commentId();
        review(commentId, "The mug arrived broken.", "oQ3a4" + commentId, null);

        ResponseEntity<String> response = push("<xml><ToUserName><![CDATA[gh_abcdefg]]></ToUserName>"
                + "<FromUserName><![CDATA[oABCD]]></FromUserName><CreateTime>"
                + Instant.now().getEpochSecond()
                + "</CreateTime><MsgType><![CDATA[event]]></MsgType><Event><![CDATA[wxa_comment_bad_score]]></Event>"
                + "<result><comment_id>" + commentId + "</comment_id></result></xml>");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(caseOf(commentId))
                .containsEntry("text", "The mug arrived broken.")
                .containsEntry("language", "en");
    }

    @Test
    void theSameEventTwiceAndConcurrentlyOpensOneCase() throws Exception {
        String commentId = commentId();
        review(commentId, "发货太慢了", "oQ3a4" + commentId, null);
        String body = jsonEvent(commentId);

        assertThat(push(body).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(push(body).getStatusCode()).isEqualTo(HttpStatus.OK);
        String other = commentId();
        review(other, "包装破损", "oQ3a4" + other, null);
        String racing = jsonEvent(other);
        int pushes = 6;
        ExecutorService pool = Executors.newFixedThreadPool(pushes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < pushes; i++) {
                Callable<ResponseEntity<String>> call = () -> {
                    start.await();
                    return push(racing);
                };
                responses.add(pool.submit(call));
            }
            start.countDown();
            for (Future<ResponseEntity<String>> response : responses) {
                assertThat(response.get().getStatusCode()).isEqualTo(HttpStatus.OK);
            }
        } finally {
            pool.shutdownNow();
        }

        for (String id : List.of(commentId, other)) {
            assertThat(cases(id)).isOne();
            assertThat(history.createHistoricProcessInstanceQuery()
                            .processInstanceBusinessKey("wechat:" + id)
                            .count())
                    .isOne();
            assertThat(storedPushes(id)).isOne();
        }
        assertThat(CaseEvidence.inboundPayloads(jdbc, "wechat", other)).containsExactly(racing);
    }

    @Test
    void aPushWithAWrongOrMissingSignatureIsRefusedAndNothingIsStored() {
        String commentId = commentId();
        review(commentId, "差评", "oQ3a4" + commentId, null);
        String body = jsonEvent(commentId);
        String timestamp = String.valueOf(Instant.now().getEpochSecond());

        ResponseEntity<String> wrong = post(
                body,
                "?signature=" + new WechatSignature("not-the-token").sign(timestamp, "42") + "&timestamp=" + timestamp
                        + "&nonce=42");
        ResponseEntity<String> missing = post(body, "?timestamp=" + timestamp + "&nonce=42");

        assertThat(wrong.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(storedPushes(commentId)).isZero();
        assertThat(cases(commentId)).isZero();
        WECHAT.verify(
                0,
                getRequestedFor(urlPathEqualTo("/wxaapi/comment/commentinfo/get"))
                        .withQueryParam("commentId", equalTo(commentId)));
    }

    @Test
    void anEditedReviewWhileTheCaseWaitsForTheOutcomeRecordsTheReviewAsUpdated() {
        String commentId = commentId();
        String openId = "oQ3a4" + commentId;
        review(commentId, "杯子碎了，差评！", openId, null);
        push(jsonEvent(commentId));
        String processInstanceId = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey("wechat:" + commentId)
                .singleResult()
                .getId();
        moveTo(processInstanceId, Activity.RECORD_REVIEW_OUTCOME);
        String edited = commentId();
        review(edited, "商家很快补发了新杯子，但物流还是慢。", openId, commentId);

        ResponseEntity<String> response = push(jsonEvent(edited));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(runtime.getVariable(processInstanceId, Var.REVIEW_OUTCOME)).isEqualTo("updated");
        assertThat(runtime.getVariable(processInstanceId, Var.COMMENT_EDITED_TEXT))
                .isEqualTo("商家很快补发了新杯子，但物流还是慢。");
        assertThat(cases(edited)).isZero();
        assertThat(cases(commentId)).isOne();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** WeChat's review details for {@code commentId}, as getCommentInfo documents them. */
    private static void review(String commentId, String text, String openId, String oldCommentId) {
        String old = oldCommentId == null
                ? ""
                : ",\"oldComment\":{\"commentId\":\"" + oldCommentId
                        + "\",\"createTime\":\"1704038000\",\"score\":100,\"content\":{\"txt\":\"old\"}}";
        WECHAT.stubFor(get(urlPathEqualTo("/wxaapi/comment/commentinfo/get"))
                .withQueryParam("commentId", equalTo(commentId))
                .willReturn(okJson("{\"errcode\":0,\"info\":{\"content\":{\"commentId\":\"" + commentId
                        + "\",\"amount\":3990,\"orderId\":\"payorder@_4200001761202302096311111111\",\"createTime\":\""
                        + (Instant.now().getEpochSecond() - 60) + "\",\"payTime\":\"1675915718\",\"score\":100,"
                        + "\"userInfo\":{\"openid\":\"" + openId
                        + "\",\"nickName\":\"小王\",\"headImg\":\"http://wx.qlogo.cn/x\"},"
                        + "\"content\":{\"txt\":\"" + text + "\",\"media\":[]}}},\"processInfo\":{\"commentId\":\""
                        + commentId + "\",\"actionList\":[]}" + old + "}")));
    }

    private static String jsonEvent(String commentId) {
        return "{\"ToUserName\":\"gh_abcdefg\",\"FromUserName\":\"oABCD\",\"CreateTime\":"
                + Instant.now().getEpochSecond()
                + ",\"MsgType\":\"event\",\"Event\":\"wxa_comment_bad_score\",\"result\":{\"comment_id\":\"" + commentId
                + "\"}}";
    }

    /** A push signed as WeChat signs it: a fresh timestamp and nonce on every try. */
    private ResponseEntity<String> push(String body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000_000));
        return post(
                body, "?signature=" + wechat.sign(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce);
    }

    private ResponseEntity<String> post(String body, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(body.startsWith("<") ? MediaType.TEXT_XML : MediaType.APPLICATION_JSON);
        return http.postForEntity(
                URI.create(WechatWebhookController.PATH + query),
                new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
                String.class);
    }

    private void moveTo(String processInstanceId, String activityId) {
        ActivityInstance tree = runtime.getActivityInstance(processInstanceId);
        ProcessInstanceModificationBuilder modification =
                runtime.createProcessInstanceModification(processInstanceId).startBeforeActivity(activityId);
        for (ActivityInstance child : tree.getChildActivityInstances()) {
            modification.cancelActivityInstance(child.getId());
        }
        modification.execute();
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .taskDefinitionKey(activityId)
                        .count())
                .isOne();
    }

    private static String commentId() {
        return "22725" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L);
    }

    private Map<String, Object> caseOf(String commentId) {
        return jdbc.sql("SELECT text, language, customer_id, customer_name, received_by FROM cd_complaint "
                        + "WHERE channel = 'wechat' AND external_id = :id")
                .param("id", commentId)
                .query()
                .singleRow();
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
}
