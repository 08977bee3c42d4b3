package com.complaintdesk.channel.wechat;

import static com.complaintdesk.support.BadInput.escaped;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.BadInput;
import com.complaintdesk.support.Reconciliation;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The bad input corpus against {@code /webhooks/wechat}, every request signed with the Token as WeChat signs it (and,
 * in safe mode, encrypted with the EncodingAESKey), so that the body reaches the parser; WireMock answers WeChat's
 * API. Never a 5xx (WeChat would push it again and again); no case and no process for anything bad. What is neither
 * the XML nor the JSON WeChat sends (malformed XML, a DOCTYPE: no external entity is ever fetched, no entity
 * expanded) is 400 and kept as received with what was wrong; a raw NUL, bytes that are not UTF-8, bodies above
 * 1 MiB and safe-mode pushes that do not decrypt are refused before anything is stored. A well-formed push that
 * cannot become a case (another event, fields of the wrong type, a review no case may hold) is answered
 * {@code success}, as WeChat requires of every push it should not repeat, and its stored push says why.
 */
@AppTest
class WechatBadInputAppTest {

    static final String TOKEN = WechatApiStub.TOKEN;
    static final String APP_ID = WechatApiStub.APP_ID;
    static final String AES_KEY = WechatApiStub.AES_KEY;
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

    @Autowired
    RuntimeService runtime;

    private WechatProperties previous;
    private final WechatSignature wechat = new WechatSignature(TOKEN);
    private final WechatCrypto crypto = new WechatCrypto(TOKEN, AES_KEY, APP_ID);
    private Reconciliation reconciliation;

    /** The channel is off in the shared test profile: on against WireMock, in safe mode's settings, and off again. */
    @BeforeEach
    void turnOnAgainstWireMock() {
        WECHAT.resetAll();
        previous = WechatApiStub.turnOn(settings, WECHAT, AES_KEY);
        reconciliation = new Reconciliation(jdbc);
    }

    @AfterEach
    void turnOff() {
        settings.use(previous);
    }

    @Test
    void unreadablePushesAreRefusedWith400AndOpenNothing() {
        Reconciliation.Counts before = reconciliation.counts();
        List<String> bodies = new ArrayList<>();
        BadInput.MALFORMED_JSON.stream()
                .filter(b -> !b.contains("\u0000") && !b.startsWith("<"))
                .forEach(b -> bodies.add(b + " " + nonce()));
        bodies.add("[" + nonce() + "]");
        bodies.add(BadInput.deeplyNested(100_000).replace("{", "{\"n\":" + nonce() + ","));
        for (String xml : List.of(
                "<xml><ToUserName>gh_abcdefg</xml>",
                "<xml>",
                "<xml><a></b></xml>",
                "<",
                "<xml/><xml/>",
                "<xml><![CDATA[unterminated</xml>",
                "<xml>&undefined;</xml>",
                "<xml>&#0;</xml>",
                "<xml><Event>\u0001</Event></xml>",
                "<xml attr=unquoted/>",
                "<?xml version=\"9.9\"?><xml/>",
                "<xml>" + "<a>".repeat(100_000) + "</xml>")) {
            bodies.add(xml + "<!-- " + nonce() + " -->");
        }
        for (String body : bodies) {
            ResponseEntity<String> response = push(body);
            assertThat(response.getStatusCode().value())
                    .as(body.substring(0, Math.min(80, body.length())) + ": " + response.getBody())
                    .isEqualTo(400);
            assertThat(response.getBody()).isEqualTo("The push is neither the XML nor the JSON WeChat sends");
        }
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.complaints()).isEqualTo(before.complaints());
        assertThat(after.processInstances()).isEqualTo(before.processInstances());
        // kept as received, each with what was wrong with it
        assertThat(after.inboundEvents()).isEqualTo(before.inboundEvents() + bodies.size());
        for (String body : bodies) {
            assertThat(outcome(body))
                    .as(body.substring(0, Math.min(80, body.length())))
                    .isEqualTo("neither XML nor JSON");
        }
        WECHAT.verify(0, getRequestedFor(urlPathEqualTo("/wxaapi/comment/commentinfo/get")));
    }

    /** XXE and entity expansion: refused before any entity is resolved, plain or inside a safe-mode push. */
    @Test
    void aDoctypeExternalEntityOrBillionLaughsIsRefusedAndNothingIsFetched() throws Exception {
        Reconciliation.Counts before = reconciliation.counts();
        String commentId = commentId();
        review(commentId, Map.of());
        String event =
                "<ToUserName>&xxe;</ToUserName><CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime>"
                        + "<MsgType>event</MsgType><Event>wxa_comment_bad_score</Event><result><comment_id>" + commentId
                        + "</comment_id></result></xml>";
        String lol = "<!ENTITY lol \"lol\">"
                + java.util.stream.IntStream.rangeClosed(1, 9)
                        .mapToObj(i -> "<!ENTITY lol" + i + " \""
                                + ("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10) + "\">")
                        .reduce("", String::concat);
        List<String> bodies = List.of(
                "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"" + WECHAT.baseUrl() + "/xxe\">]><xml>"
                        + event,
                "<?xml version=\"1.0\"?><!DOCTYPE xml [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><xml>" + event,
                "<!DOCTYPE xml [<!ENTITY % dtd SYSTEM \"" + WECHAT.baseUrl() + "/dtd\"> %dtd;]><xml>" + event,
                "<!DOCTYPE xml SYSTEM \"" + WECHAT.baseUrl() + "/dtd\"><xml>" + event,
                "<!DOCTYPE xml [" + lol + "<!ENTITY xxe \"&lol9;\">]><xml>" + event,
                "<!DOCTYPE xml [<!ENTITY xxe \"x\">]>\n<xml>" + event.replace("&xxe;", "gh_abcdefg"));
        for (String body : bodies) {
            ResponseEntity<String> response = push(body);
            assertThat(response.getStatusCode().value())
                    .as(body + ": " + response.getBody())
                    .isEqualTo(400);
            assertThat(response.getBody()).isEqualTo("The push is neither the XML nor the JSON WeChat sends");
        }
        // safe mode: a DOCTYPE around the Encrypt field, and one inside the encrypted push
        String inner =
                crypto.encrypt((bodies.get(0) + "<!-- " + nonce() + " -->").getBytes(StandardCharsets.UTF_8), random());
        ResponseEntity<String> around = safeMode(
                "<!DOCTYPE xml [<!ENTITY e SYSTEM \"" + WECHAT.baseUrl() + "/xxe\">]><xml><Encrypt>" + inner
                        + "</Encrypt><Leak>&e;</Leak></xml>",
                inner);
        assertThat(around.getStatusCode().value()).as(around.getBody()).isEqualTo(400);
        assertThat(around.getBody()).isEqualTo("A safe-mode push carries its message in an Encrypt field");
        ResponseEntity<String> inside =
                safeMode("<xml><ToUserName>gh_abcdefg</ToUserName><Encrypt>" + inner + "</Encrypt></xml>", inner);
        assertThat(inside.getStatusCode().value()).as(inside.getBody()).isEqualTo(400);
        assertThat(inside.getBody()).isEqualTo("The push is neither the XML nor the JSON WeChat sends");

        WECHAT.verify(0, anyRequestedFor(urlPathMatching("/(xxe|dtd)")));
        WECHAT.verify(0, getRequestedFor(urlPathEqualTo("/wxaapi/comment/commentinfo/get")));
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.complaints()).isEqualTo(before.complaints());
        assertThat(after.processInstances()).isEqualTo(before.processInstances());
        assertThat(after.inboundEvents()).isEqualTo(before.inboundEvents() + bodies.size() + 1);
        assertThat(jdbc.sql("SELECT outcome FROM cd_inbound_event WHERE channel = 'wechat' AND payload LIKE :id")
                        .param("id", "%" + commentId + "%")
                        .query(String.class)
                        .list())
                .hasSize(bodies.size() + 1)
                .allMatch("neither XML nor JSON"::equals);
    }

    @Test
    void aRawNulByteOrBytesThatAreNotUtf8AreRefusedBeforeAnythingIsStored() throws Exception {
        Reconciliation.Counts before = reconciliation.counts();
        String commentId = commentId();
        review(commentId, Map.of());
        List<String> bodies = List.of(
                jsonEvent(commentId).replace("gh_abcdefg", "gh_@@"),
                xmlEvent(commentId).replace("gh_abcdefg", "gh_@@"));
        for (String body : bodies) {
            ResponseEntity<String> nul = push(BadInput.spliced(body, "@@", new byte[] {'a', 0, 'b'}));
            assertThat(nul.getStatusCode().value()).isEqualTo(400);
            assertThat(nul.getBody()).contains("NUL byte").contains("nothing was stored");
            for (byte[] bad : BadInput.INVALID_UTF8) {
                ResponseEntity<String> refused = push(BadInput.spliced(body, "@@", bad));
                assertThat(refused.getStatusCode().value())
                        .as(refused.getBody())
                        .isEqualTo(400);
                assertThat(refused.getBody()).contains("is not valid UTF-8");
            }
            // the same inside a safe-mode push: refused once decrypted
            String encrypt =
                    crypto.encrypt(BadInput.spliced(body, "@@", new byte[] {(byte) 0xC0, (byte) 0xAF}), random());
            ResponseEntity<String> decrypted =
                    safeMode("{\"ToUserName\":\"gh_abcdefg\",\"Encrypt\":\"" + encrypt + "\"}", encrypt);
            assertThat(decrypted.getStatusCode().value())
                    .as(decrypted.getBody())
                    .isEqualTo(400);
            assertThat(decrypted.getBody()).contains("is not valid UTF-8");
        }
        assertThat(reconciliation.counts()).isEqualTo(before);
        WECHAT.verify(0, getRequestedFor(urlPathEqualTo("/wxaapi/comment/commentinfo/get")));
    }

    @Test
    void aPushAboveOneMebibyteIsRefusedWith413() {
        Reconciliation.Counts before = reconciliation.counts();
        String body = jsonEvent(commentId()).replace("gh_abcdefg", "g".repeat(WechatWebhookController.MAX_BODY_BYTES));

        ResponseEntity<String> response = push(body);

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody()).contains("larger than " + WechatWebhookController.MAX_BODY_BYTES + " bytes");
        assertThat(reconciliation.counts()).isEqualTo(before);
    }

    /** Safe mode (安全模式) with an Encrypt field that is not WeChat's: 401 or 400 saying what is wrong, nothing stored. */
    @Test
    void aSafeModePushThatDoesNotDecryptIsRefusedAndNothingIsStored() throws Exception {
        Reconciliation.Counts before = reconciliation.counts();
        String commentId = commentId();
        review(commentId, Map.of());
        byte[] event = jsonEvent(commentId).getBytes(StandardCharsets.UTF_8);
        String otherKey =
                new WechatCrypto(TOKEN, "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg", APP_ID).encrypt(event, random());
        String otherApp = new WechatCrypto(TOKEN, AES_KEY, "wx0000000000").encrypt(event, random());
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("!!! not Base64 !!!", "the Encrypt field could not be decrypted with the EncodingAESKey");
        refused.put(
                Base64.getEncoder().encodeToString(new byte[17]),
                "the Encrypt field could not be decrypted with the EncodingAESKey");
        refused.put(otherKey, "wrong EncodingAESKey?");
        refused.put(otherApp, "the push is for AppID wx0000000000, not this mini program's");
        refused.put(aes(plain(event, Integer.MAX_VALUE, APP_ID)), "the decrypted push's length does not fit");
        refused.put(aes(plain(event, -1, APP_ID)), "the decrypted push's length does not fit");
        refused.put(aes(Arrays.copyOf(plain(event, event.length, APP_ID), 64)), "wrong EncodingAESKey?");
        for (Map.Entry<String, String> bad : refused.entrySet()) {
            for (String body : List.of(
                    "{\"ToUserName\":\"gh_abcdefg\",\"Encrypt\":\"" + bad.getKey() + "\"}",
                    "<xml><ToUserName><![CDATA[gh_abcdefg]]></ToUserName><Encrypt><![CDATA[" + bad.getKey()
                            + "]]></Encrypt></xml>")) {
                ResponseEntity<String> response = safeMode(body, bad.getKey());
                assertThat(response.getStatusCode().value())
                        .as(bad.getValue() + ": " + response.getBody())
                        .isEqualTo(401);
                assertThat(response.getBody())
                        .startsWith("Invalid encrypted push: ")
                        .contains(bad.getValue());
            }
        }
        String good = crypto.encrypt(event, random());
        String body = "{\"ToUserName\":\"gh_abcdefg\",\"Encrypt\":\"" + good + "\"}";
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        ResponseEntity<String> noMsgSignature = post(
                body,
                "?signature=" + wechat.sign(timestamp, "5") + "&timestamp=" + timestamp + "&nonce=5&encrypt_type=aes");
        assertThat(noMsgSignature.getStatusCode().value()).isEqualTo(401);
        assertThat(noMsgSignature.getBody())
                .contains("msg_signature, timestamp, nonce and the Encrypt field are all needed");
        for (String noField : List.of(
                "{\"ToUserName\":\"gh_abcdefg\",\"Encrypt\":\"\"}",
                "{\"Encrypt\":42}",
                "{\"Encrypt\":[\"" + good + "\"]}",
                "<xml><Encrypt/></xml>",
                "<xml><Encrypt>" + good + "</xml>",
                "[]")) {
            ResponseEntity<String> response = safeMode(noField, good);
            assertThat(response.getStatusCode().value()).as(noField).isEqualTo(400);
            assertThat(response.getBody()).isEqualTo("A safe-mode push carries its message in an Encrypt field");
        }
        ResponseEntity<String> otherMode = post(
                body,
                "?signature=" + wechat.sign(timestamp, "5") + "&timestamp=" + timestamp
                        + "&nonce=5&encrypt_type=rot13");
        assertThat(otherMode.getStatusCode().value()).isEqualTo(400);
        assertThat(otherMode.getBody()).isEqualTo("encrypt_type must be raw or aes");

        assertThat(reconciliation.counts()).isEqualTo(before);
        WECHAT.verify(0, getRequestedFor(urlPathEqualTo("/wxaapi/comment/commentinfo/get")));
    }

    /** Other events and message types, and fields of the wrong type: answered success, stored, nothing opened. */
    @Test
    void unknownEventsAndFieldsOfTheWrongTypeAreAnsweredSuccessAndOpenNothing() {
        Reconciliation.Counts before = reconciliation.counts();
        long now = Instant.now().getEpochSecond();
        Map<String, String> corpus = new LinkedHashMap<>();
        corpus.put(
                "{\"ToUserName\":\"gh_abcdefg\",\"FromUserName\":\"oABCD\",\"CreateTime\":%d,\"MsgType\":\"event\",\"Event\":\"wxa_comment_good_score\",\"result\":{\"comment_id\":\"%s\"}}",
                "MsgType event Event wxa_comment_good_score: not handled");
        corpus.put(
                "<xml><ToUserName>gh_abcdefg</ToUserName><CreateTime>%d</CreateTime><MsgType>event</MsgType><Event>no_such_event</Event><result><comment_id>%s</comment_id></result></xml>",
                "MsgType event Event no_such_event: not handled");
        corpus.put(
                "{\"CreateTime\":%d,\"MsgType\":\"event\",\"Event\":42,\"result\":{\"comment_id\":\"%s\"}}",
                "MsgType event Event 42: not handled");
        corpus.put(
                "{\"CreateTime\":%d,\"MsgType\":\"event\",\"Event\":{\"name\":\"wxa_comment_bad_score\"},\"result\":{\"comment_id\":\"%s\"}}",
                "MsgType event: not handled");
        corpus.put(
                "{\"CreateTime\":%d,\"MsgType\":\"event\",\"Event\":\"wxa_comment_bad_score\",\"result\":{\"comment_id\":{\"id\":\"%s\"}}}",
                "wxa_comment_bad_score without result.comment_id: not handled");
        corpus.put(
                "{\"CreateTime\":%d,\"MsgType\":\"event\",\"Event\":\"wxa_comment_bad_score\",\"result\":[\"%s\"]}",
                "wxa_comment_bad_score without result.comment_id: not handled");
        corpus.put(
                "<xml><CreateTime>%d</CreateTime><MsgType>event</MsgType><Event>wxa_comment_bad_score</Event><comment_id>%s</comment_id></xml>",
                "wxa_comment_bad_score without result.comment_id: not handled");
        corpus.put(
                "{\"CreateTime\":%d,\"MsgType\":\"event\",\"Event\":\"wxa_comment_bad_score\",\"result\":{\"comment_id\":\"%s with spaces\"}}",
                "is not an id: not handled");
        corpus.put(
                "{\"CreateTime\":%d,\"MsgType\":\"event\",\"Event\":\"wxa_comment_bad_score\",\"result\":{\"comment_id\":\"%s"
                        + "9".repeat(200) + "\"}}",
                "is not an id: not handled");
        corpus.put("{\"N\":%d,\"MsgType\":[\"text\"],\"Content\":\"%s\"}", "MsgType null: not handled");
        corpus.put("{\"N\":%d,\"Content\":\"%s\"}", "MsgType null: not handled");
        for (String createTime : List.of(
                "\"yesterday\"",
                "99999999999999999999",
                "9223372036854775807",
                "-9223372036854775808",
                "31556889864403200",
                "1.5e300",
                "{}")) {
            corpus.put(
                    "{\"N\":%d,\"CreateTime\":" + createTime
                            + ",\"MsgType\":\"event\",\"Event\":\"user_enter_tempsession\",\"Content\":\"%s\"}",
                    "MsgType event Event user_enter_tempsession: not handled");
        }
        for (Map.Entry<String, String> push : corpus.entrySet()) {
            String commentId = commentId();
            review(commentId, Map.of());
            String body = push.getKey().formatted(now, commentId);
            ResponseEntity<String> response = push(body);
            assertThat(response.getStatusCode().value())
                    .as(body + ": " + response.getBody())
                    .isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("success");
            assertThat(outcome(body)).as(body).contains(push.getValue());
            assertThat(cases(commentId)).isZero();
        }
        WECHAT.verify(0, getRequestedFor(urlPathEqualTo("/wxaapi/comment/commentinfo/get")));
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.complaints()).isEqualTo(before.complaints());
        assertThat(after.processInstances()).isEqualTo(before.processInstances());
        assertThat(after.inboundEvents()).isEqualTo(before.inboundEvents() + corpus.size());
    }

    /**
     * A bad-review push whose review, as WeChat's API gives it, cannot be a case: a NUL, another control character or
     * an unpaired surrogate (escaped in the JSON) in any of its text fields, far past and future dates, amounts that
     * are not amounts. Answered success, no case, and the stored push says why.
     */
    @Test
    void aReviewThatCannotBeACaseIsAnsweredSuccessAndItsPushSaysWhy() {
        Reconciliation.Counts before = reconciliation.counts();
        Map<Map<String, String>, String> corpus = new LinkedHashMap<>();
        // inside the text: WeChat's fields are read trimmed, and a NUL at either end is trimmed with the spaces
        for (String bad : inside(BadInput.UNSTORABLE_TEXT)) {
            corpus.put(Map.of("txt", bad), "refused, text must not contain");
            corpus.put(Map.of("nickName", bad), "refused, customer.name must not contain");
            corpus.put(Map.of("openid", bad), "refused, customer.id must not contain");
            corpus.put(Map.of("orderId", bad), "refused, order.id must not contain");
            corpus.put(
                    Map.of("commentId", "2272" + bad),
                    "refused, externalId must not contain spaces or control characters");
        }
        corpus.put(Map.of("openid", "o".repeat(201)), "refused, customer.id size must be between 0 and 200");
        corpus.put(Map.of("txt", "y".repeat(4001)), "refused, text size must be between 0 and 4000");
        corpus.put(Map.of("createTime", "0"), "refused, postedAt must not be before 1995-01-01");
        corpus.put(Map.of("createTime", "-62135596800"), "refused, postedAt must not be before 1995-01-01");
        corpus.put(Map.of("createTime", "253402300799"), "refused, postedAt must not be in the future");
        corpus.put(Map.of("amount", "-3990"), "refused, order.value must be greater than or equal to 0.00");
        corpus.put(Map.of("amount", "1e30"), "refused, order.value must be less than 100000000");
        for (Map.Entry<Map<String, String>, String> bad : corpus.entrySet()) {
            String commentId = commentId();
            review(commentId, bad.getKey());
            String body = jsonEvent(commentId);
            ResponseEntity<String> response = push(body);
            assertThat(response.getStatusCode().value())
                    .as(bad.getKey() + ": " + response.getBody())
                    .isEqualTo(200);
            assertThat(response.getBody()).isEqualTo("success");
            assertThat(outcome(body)).as(escaped(bad.getKey().toString())).contains(bad.getValue());
            assertThat(cases(commentId)).isZero();
        }
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.complaints()).isEqualTo(before.complaints());
        assertThat(after.processInstances()).isEqualTo(before.processInstances());
    }

    /**
     * C1 (WeChat's 48-hour window): a customer message or review whose {@code CreateTime} lies in the far future counts
     * as an interaction at its arrival, not in the year 9999, which would keep the window open for good.
     */
    @Test
    void aFarFutureCreateTimeDoesNotHoldTheMessagingWindowOpen() {
        String openId = "oFuture" + Long.toHexString(System.nanoTime());
        java.time.OffsetDateTime before = java.time.OffsetDateTime.now();
        String message =
                "{\"ToUserName\":\"gh_abcdefg\",\"FromUserName\":\"" + openId + "\",\"CreateTime\":253402300799,"
                        + "\"MsgType\":\"text\",\"Content\":\"hello\",\"MsgId\":" + System.nanoTime() + "}";
        assertThat(push(message).getBody()).isEqualTo("success");
        String reviewer = "oFutureReview" + Long.toHexString(System.nanoTime());
        String commentId = commentId();
        review(commentId, Map.of("openid", reviewer, "createTime", "253402300799"));
        assertThat(push(jsonEvent(commentId)).getBody()).isEqualTo("success");

        java.time.OffsetDateTime after = java.time.OffsetDateTime.now().plusSeconds(1);
        for (String customer : List.of(openId, reviewer)) {
            java.time.OffsetDateTime last = jdbc.sql(
                            "SELECT last_interaction_at FROM cd_wechat_contact WHERE open_id = ?")
                    .param(customer)
                    .query(java.time.OffsetDateTime.class)
                    .single();
            assertThat(last).as(customer).isBetween(before.minusSeconds(1), after);
        }
    }

    /**
     * A NUL, another control character or an unpaired surrogate escaped in each field of a push: never a 5xx, no case,
     * no review fetched for a comment id that is no id.
     */
    @Test
    void controlCharactersAndUnpairedSurrogatesInAnyFieldOfAPushNeverFail() {
        Reconciliation.Counts before = reconciliation.counts();
        int sent = 0;
        for (String field : List.of(
                "ToUserName", "FromUserName", "CreateTime", "MsgType", "Event", "comment_id", "MsgId", "Content")) {
            for (String bad : inside(BadInput.UNSTORABLE_TEXT)) {
                for (String msgType : List.of("event", "text")) {
                    String commentId = commentId();
                    review(commentId, Map.of());
                    Map<String, String> fields = new LinkedHashMap<>();
                    fields.put("ToUserName", "gh_abcdefg");
                    fields.put("FromUserName", "oQ3a4" + commentId);
                    fields.put("CreateTime", String.valueOf(Instant.now().getEpochSecond()));
                    fields.put("MsgType", msgType);
                    fields.put("Event", "wxa_comment_bad_score");
                    fields.put("MsgId", "2472" + commentId);
                    fields.put("Content", "Where is my refund?");
                    fields.put(field, (field.equals("comment_id") || field.equals("MsgId") ? commentId : "") + bad);
                    String body = "{"
                            + fields.entrySet().stream()
                                    .filter(f -> !f.getKey().equals("comment_id"))
                                    .map(f -> "\"" + f.getKey() + "\":\"" + escaped(f.getValue()) + "\"")
                                    .reduce((a, b) -> a + "," + b)
                                    .orElseThrow()
                            + ",\"result\":{\"comment_id\":\""
                            + escaped(field.equals("comment_id") ? fields.get(field) : commentId)
                            + "\"},\"N\":" + nonce() + "}";
                    ResponseEntity<String> response = push(body);
                    sent++;
                    assertThat(response.getStatusCode().value())
                            .as(field + " " + escaped(bad) + " " + msgType + ": " + response.getBody())
                            .isEqualTo(200);
                    String outcome = outcome(body);
                    if (field.equals("comment_id") && msgType.equals("event")) {
                        assertThat(outcome).as(escaped(bad)).contains("is not an id: not handled");
                    }
                    if (field.equals("FromUserName") && msgType.equals("text")) {
                        assertThat(outcome).as(escaped(bad)).contains("not an openid: not handled");
                    }
                    boolean opensCase = msgType.equals("event")
                            && !List.of("MsgType", "Event", "comment_id").contains(field);
                    assertThat(cases(commentId))
                            .as(field + " " + escaped(bad) + " " + msgType + ": " + outcome)
                            .isEqualTo(opensCase ? 1 : 0);
                }
            }
        }
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.inboundEvents()).isEqualTo(before.inboundEvents() + sent);
    }

    /** R3 through WeChat: the edited review's text cannot be kept; the case keeps what it had, nothing fails. */
    @Test
    void anEditedReviewWithTextNoCaseMayHoldLeavesTheCaseAsItWas() {
        String commentId = commentId();
        review(commentId, Map.of("txt", "杯子碎了，差评！"));
        assertThat(push(jsonEvent(commentId)).getStatusCode().value()).isEqualTo(200);
        String processInstanceId = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey("wechat:" + commentId)
                .singleResult()
                .getId();
        List<String> edits = new ArrayList<>(inside(BadInput.UNSTORABLE_TEXT));
        edits.add("y".repeat(4001));
        for (String text : edits) {
            String edited = commentId();
            Map<String, String> review = new LinkedHashMap<>();
            review.put("txt", text);
            review.put("oldComment", commentId);
            review(edited, review);
            String body = jsonEvent(edited);
            ResponseEntity<String> response = push(body);
            assertThat(response.getStatusCode().value())
                    .as(escaped(text) + ": " + response.getBody())
                    .isEqualTo(200);
            assertThat(outcome(body))
                    .as(escaped(text))
                    .contains("replaces " + commentId)
                    .contains("edit refused, text");
        }
        assertThat(runtime.getVariable(processInstanceId, Var.COMMENT_EDITED_TEXT))
                .isNull();
        assertThat(cases(commentId)).isOne();
    }

    /** Script and SQL injection in every text field of a review: plain text, stored as it came, one case each. */
    @Test
    void scriptAndSqlInjectionInEveryTextFieldOfAReviewIsStoredVerbatimAsOneCase() {
        Reconciliation.Counts before = reconciliation.counts();
        List<String> caseIds = new ArrayList<>();
        for (String injection : BadInput.INJECTIONS) {
            String commentId = commentId();
            review(
                    commentId,
                    Map.of("txt", injection, "nickName", injection, "openid", injection, "orderId", injection));
            String body = jsonEvent(commentId);

            ResponseEntity<String> response = push(body);

            assertThat(response.getStatusCode().value())
                    .as(injection + ": " + response.getBody())
                    .isEqualTo(200);
            Map<String, Object> stored = jdbc.sql(
                            "SELECT * FROM cd_complaint WHERE channel = 'wechat' AND external_id = :id")
                    .param("id", commentId)
                    .query()
                    .singleRow();
            assertThat(stored)
                    .containsEntry("text", injection.strip())
                    .containsEntry("customer_name", injection)
                    .containsEntry("customer_id", injection)
                    .containsEntry("order_id", injection);
            caseIds.add((String) stored.get("id"));
        }
        assertThat(reconciliation.counts().complaints()).isEqualTo(before.complaints() + BadInput.INJECTIONS.size());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE text = 'owned'")
                        .query(Long.class)
                        .single())
                .isZero();
        reconciliation.verify(caseIds);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** Each text between two letters, so that reading WeChat's fields trimmed leaves it whole. */
    private static List<String> inside(List<String> texts) {
        return texts.stream().map(text -> "a" + text + "z").toList();
    }

    /**
     * WeChat's details for {@code commentId} as getCommentInfo documents them, with the given fields ({@code txt},
     * {@code nickName}, {@code openid}, {@code orderId}, {@code commentId}, {@code createTime}, {@code amount},
     * {@code oldComment}: the id of the review it replaces) in place of the usual values, escaped as JSON string content.
     */
    private static void review(String commentId, Map<String, String> values) {
        Map<String, String> v = new LinkedHashMap<>(Map.of(
                "txt",
                "杯子收到就碎了",
                "nickName",
                "小王",
                "openid",
                "oQ3a4" + commentId,
                "orderId",
                "payorder@_4200001761202302096311111111",
                "commentId",
                commentId,
                "createTime",
                String.valueOf(Instant.now().getEpochSecond() - 60),
                "amount",
                "3990"));
        v.putAll(values);
        String old = v.containsKey("oldComment")
                ? ",\"oldComment\":{\"commentId\":\"" + v.get("oldComment")
                        + "\",\"createTime\":\"1704038000\",\"score\":100,\"content\":{\"txt\":\"old\"}}"
                : "";
        WECHAT.stubFor(get(urlPathEqualTo("/wxaapi/comment/commentinfo/get"))
                .withQueryParam("commentId", equalTo(commentId))
                .willReturn(okJson("{\"errcode\":0,\"info\":{\"content\":{\"commentId\":\""
                        + escaped(v.get("commentId"))
                        + "\",\"amount\":\"" + escaped(v.get("amount")) + "\",\"orderId\":\""
                        + escaped(v.get("orderId"))
                        + "\",\"createTime\":\"" + escaped(v.get("createTime"))
                        + "\",\"payTime\":\"1675915718\",\"score\":100,"
                        + "\"userInfo\":{\"openid\":\"" + escaped(v.get("openid")) + "\",\"nickName\":\""
                        + escaped(v.get("nickName"))
                        + "\",\"headImg\":\"http://wx.qlogo.cn/x\"},\"content\":{\"txt\":\"" + escaped(v.get("txt"))
                        + "\",\"media\":[]}}},\"processInfo\":{\"commentId\":\"" + escaped(commentId)
                        + "\",\"actionList\":[]}"
                        + old + "}")));
    }

    private static String jsonEvent(String commentId) {
        return "{\"ToUserName\":\"gh_abcdefg\",\"FromUserName\":\"oABCD\",\"CreateTime\":"
                + Instant.now().getEpochSecond()
                + ",\"MsgType\":\"event\",\"Event\":\"wxa_comment_bad_score\",\"result\":{\"comment_id\":\"" + commentId
                + "\"}}";
    }

    private static String xmlEvent(String commentId) {
        return "<xml><ToUserName><![CDATA[gh_abcdefg]]></ToUserName><FromUserName><![CDATA[oABCD]]></FromUserName>"
                + "<CreateTime>" + Instant.now().getEpochSecond() + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[wxa_comment_bad_score]]></Event><result><comment_id>" + commentId
                + "</comment_id></result></xml>";
    }

    /** The plaintext WeChat encrypts: 16 random bytes, a length (here any), the message, the AppID. */
    private static byte[] plain(byte[] message, int length, String appId) {
        byte[] app = appId.getBytes(StandardCharsets.UTF_8);
        int unpadded = 20 + message.length + app.length;
        int pad = 32 - unpadded % 32;
        ByteBuffer plain = ByteBuffer.allocate(unpadded + pad);
        plain.put(random()).putInt(length).put(message).put(app);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        return plain.array();
    }

    /** AES-256-CBC with the EncodingAESKey, no padding added: {@code plain} is a whole number of blocks. */
    private static String aes(byte[] plain) throws Exception {
        byte[] key = Base64.getDecoder().decode(AES_KEY + "=");
        Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(key, 16)));
        return Base64.getEncoder().encodeToString(cipher.doFinal(plain));
    }

    private static byte[] random() {
        byte[] random = new byte[16];
        ThreadLocalRandom.current().nextBytes(random);
        return random;
    }

    private String outcome(String body) {
        return jdbc.sql("SELECT outcome FROM cd_inbound_event WHERE channel = 'wechat' AND payload = :body")
                .param("body", body)
                .query(String.class)
                .single();
    }

    private long cases(String commentId) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE channel = 'wechat' AND external_id = :id")
                .param("id", commentId)
                .query(Long.class)
                .single();
    }

    /** A plain-text-mode push signed as WeChat signs it: a fresh timestamp and nonce on every try. */
    private ResponseEntity<String> push(String body) {
        return push(body.getBytes(StandardCharsets.UTF_8));
    }

    private ResponseEntity<String> push(byte[] body) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000_000));
        return post(
                body, "?signature=" + wechat.sign(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce);
    }

    /** A safe-mode push whose msg_signature is right for {@code encrypt}, so that decrypting is what is tried. */
    private ResponseEntity<String> safeMode(String body, String encrypt) {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000_000));
        return post(
                body,
                "?signature=" + wechat.sign(timestamp, nonce) + "&timestamp=" + timestamp + "&nonce=" + nonce
                        + "&encrypt_type=aes&msg_signature=" + crypto.sign(timestamp, nonce, encrypt));
    }

    private ResponseEntity<String> post(String body, String query) {
        return post(body.getBytes(StandardCharsets.UTF_8), query);
    }

    private ResponseEntity<String> post(byte[] body, String query) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(body.length > 0 && body[0] == '<' ? MediaType.TEXT_XML : MediaType.APPLICATION_JSON);
        return http.postForEntity(
                URI.create(WechatWebhookController.PATH + query), new HttpEntity<>(body, headers), String.class);
    }

    private static String commentId() {
        return "22725" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L);
    }

    private static long nonce() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }
}
