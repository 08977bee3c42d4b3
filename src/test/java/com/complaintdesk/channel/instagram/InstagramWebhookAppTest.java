package com.complaintdesk.channel.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.CaseEvidence;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
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
 * The Instagram webhook as Meta calls it: deliveries shaped as documented for the {@code comments} and
 * {@code live_comments} fields (https://developers.facebook.com/docs/instagram-platform/webhooks/examples/,
 * https://developers.facebook.com/docs/graph-api/webhooks/reference/instagram), with non-ASCII text escaped as
 * Meta sends it, signed with {@code X-Hub-Signature-256} over the raw body with the test profile's app secret
 * ("Validating Payloads" in https://developers.facebook.com/docs/graph-api/webhooks/getting-started/), and the
 * subscription handshake of the same page's "Verification Requests".
 */
@AppTest
class InstagramWebhookAppTest {

    /** The test profile's settings (src/test/resources/application-test.yaml). */
    static final String APP_SECRET = "test-instagram-app-secret";

    static final String VERIFY_TOKEN = "test-verify-token";
    static final String SHOP_ACCOUNT = "17841400000000001";

    private final InstagramSignature meta = new InstagramSignature(APP_SECRET);

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

    // ------------------------------------------------------------------------------------------------ handshake

    @Test
    void handshakeWithTheVerifyTokenIsAnsweredWithTheChallengeAsPlainText() {
        ResponseEntity<String> response = http.getForEntity(
                URI.create(InstagramWebhookController.PATH
                        + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=" + VERIFY_TOKEN),
                String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("1158201444");
        assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN))
                .isTrue();
    }

    @Test
    void handshakeWithAWrongTokenOrModeIsForbidden() {
        assertThat(http.getForEntity(
                                URI.create(InstagramWebhookController.PATH
                                        + "?hub.mode=subscribe&hub.challenge=1158201444&hub.verify_token=meatyhamhock"),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(
                                URI.create(InstagramWebhookController.PATH
                                        + "?hub.mode=unsubscribe&hub.challenge=1158201444&hub.verify_token="
                                        + VERIFY_TOKEN),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity(
                                URI.create(InstagramWebhookController.PATH
                                        + "?hub.mode=subscribe&hub.challenge=1158201444"),
                                String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    // ------------------------------------------------------------------------------------------------ comments

    @Test
    void aSignedCommentOpensACaseWithTheCommentsTextAsTheCommenter() {
        String commentId = commentId();
        long sentAt = Instant.now().minusSeconds(30).getEpochSecond();
        String body = delivery(
                sentAt,
                change(
                        "comments",
                        commentId,
                        "The mug arrived broken and nobody answers my DMs",
                        "7349519876543210",
                        "lin.wei"));

        ResponseEntity<String> response = post(body, meta.sign(bytes(body)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> c = caseOf(commentId);
        assertThat(c.get("text")).isEqualTo("The mug arrived broken and nobody answers my DMs");
        assertThat(c.get("customer_id")).isEqualTo("7349519876543210");
        assertThat(c.get("customer_name")).isEqualTo("lin.wei");
        assertThat(c.get("language")).isEqualTo("en");
        assertThat(c.get("received_by")).isEqualTo("channel:instagram");
        assertThat(postedAt(commentId)).isEqualTo(Instant.ofEpochSecond(sentAt).atOffset(ZoneOffset.UTC));
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey("instagram:" + commentId)
                .singleResult();
        assertThat(instance).isNotNull();
        assertThat(runtime.getVariable(instance.getId(), Var.TEXT)).isEqualTo(c.get("text"));
        assertThat(history.createUserOperationLogQuery()
                        .processInstanceId(instance.getId())
                        .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
                        .list())
                .extracting(UserOperationLogEntry::getUserId)
                .contains("channel:instagram");
        assertThat(storedDeliveries(commentId)).isOne();
        // X4, E6: the complaint as received and the delivery exactly as Meta signed it are the case's evidence
        assertThat(CaseEvidence.kinds(jdbc, "instagram", commentId)).containsExactly("complaint", "inbound");
        assertThat(CaseEvidence.inboundPayloads(jdbc, "instagram", commentId)).containsExactly(body);
    }

    @Test
    void aChineseLiveCommentOpensACaseInChinese() {
        String commentId = commentId();
        String text = "杯子收到就碎了，客服也不回复！";
        String body = delivery(
                Instant.now().getEpochSecond(),
                change("live_comments", commentId, text, "7349511111111111", "wang.li"));

        ResponseEntity<String> response = post(body, meta.sign(bytes(body)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(body).doesNotContain(text).contains("\\u676f\\u5b50");
        assertThat(caseOf(commentId)).containsEntry("text", text).containsEntry("language", "zh");
    }

    @Test
    void theShopsOwnReplyOpensNoCase() {
        String customerComment = commentId();
        String reply = commentId();
        String body = delivery(
                Instant.now().getEpochSecond(),
                change("comments", customerComment, "Where is my order?", "7349512222222222", "sam.k"),
                replyChange(
                        reply,
                        customerComment,
                        "We're very sorry, we've sent you a direct message.",
                        SHOP_ACCOUNT,
                        "the.mug.shop"));

        ResponseEntity<String> response = post(body, meta.sign(bytes(body)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cases(customerComment)).isOne();
        assertThat(cases(reply)).isZero();
        assertThat(outcome(reply)).contains("comment " + reply + ": the shop's own, ignored");
    }

    // ------------------------------------------------------------------------------------------------ refusals

    @Test
    void aDeliveryWithoutSignatureIsRefusedAndNothingIsStored() {
        String commentId = commentId();
        String body = delivery(
                Instant.now().getEpochSecond(),
                change("comments", commentId, "Broken on arrival", "7349513333333333", "a.b"));

        assertRefused(commentId, post(body, null));
    }

    @Test
    void aDeliveryWithAWrongSignatureIsRefusedAndNothingIsStored() {
        String commentId = commentId();
        String body = delivery(
                Instant.now().getEpochSecond(),
                change("comments", commentId, "Broken on arrival", "7349513333333333", "a.b"));

        assertRefused(commentId, post(body, new InstagramSignature("not-the-app-secret").sign(bytes(body))));
        assertRefused(
                commentId, post(body, "sha1=" + meta.sign(bytes(body)).substring(InstagramSignature.PREFIX.length())));
        assertRefused(commentId, post(body, "sha256=not-hex"));
    }

    @Test
    void aDeliveryWithOneBitFlippedIsRefusedAndNothingIsStored() {
        String commentId = commentId();
        String body = delivery(
                Instant.now().getEpochSecond(),
                change("comments", commentId, "Broken on arrival", "7349513333333333", "a.b"));
        String signature = meta.sign(bytes(body));
        byte[] tampered = bytes(body);
        int at = body.indexOf("Broken");
        tampered[at] ^= 0x20; // "Broken" becomes "broken": one bit

        assertRefused(commentId, post(new String(tampered, StandardCharsets.UTF_8), signature));
    }

    @Test
    void theSameJsonWrittenWithOtherWhitespaceIsRefusedWithTheOriginalsSignature() {
        String commentId = commentId();
        String body = delivery(
                Instant.now().getEpochSecond(),
                change("comments", commentId, "Broken on arrival", "7349513333333333", "a.b"));
        String reserialised = body.replace(",", ", ").replace(":", ": ").replace("{", "{\n  ");

        assertRefused(commentId, post(reserialised, meta.sign(bytes(body))));
    }

    // ------------------------------------------------------------------------------------------------ duplicates

    @Test
    void theSameDeliveryTwiceIsStoredOnceAndOpensOneCase() {
        String commentId = commentId();
        String body = delivery(
                Instant.now().getEpochSecond(),
                change("comments", commentId, "Still no refund after 3 weeks", "7349514444444444", "c.d"));
        String signature = meta.sign(bytes(body));

        ResponseEntity<String> first = post(body, signature);
        ResponseEntity<String> second = post(body, signature);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(cases(commentId)).isOne();
        assertThat(instances(commentId)).isOne();
        assertThat(storedDeliveries(commentId)).isOne();
        assertThat(CaseEvidence.inboundPayloads(jdbc, "instagram", commentId)).containsExactly(body);
    }

    @Test
    void theSameCommentInTwoDifferentDeliveriesOpensOneCase() {
        String commentId = commentId();
        long now = Instant.now().getEpochSecond();
        String first = delivery(
                now - 5, change("comments", commentId, "Still no refund after 3 weeks", "7349514444444444", "c.d"));
        String again = delivery(
                now, change("comments", commentId, "Still no refund after 3 weeks", "7349514444444444", "c.d"));

        assertThat(post(first, meta.sign(bytes(first))).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post(again, meta.sign(bytes(again))).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(cases(commentId)).isOne();
        assertThat(instances(commentId)).isOne();
        assertThat(storedDeliveries(commentId)).isEqualTo(2);
        assertThat(outcome(commentId)).contains("delivered again, nothing new");
        assertThat(CaseEvidence.inboundPayloads(jdbc, "instagram", commentId)).containsExactly(first, again);
    }

    @Test
    void racingDeliveriesOfTheSameCommentOpenOneCase() throws Exception {
        String commentId = commentId();
        String body = delivery(
                Instant.now().getEpochSecond(),
                change("comments", commentId, "Wrong size sent twice!", "7349515555555555", "e.f"));
        String signature = meta.sign(bytes(body));
        int deliveries = 6;
        ExecutorService pool = Executors.newFixedThreadPool(deliveries);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ResponseEntity<String>>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < deliveries; i++) {
                Callable<ResponseEntity<String>> delivery = () -> {
                    start.await();
                    return post(body, signature);
                };
                responses.add(pool.submit(delivery));
            }
            start.countDown();
            for (Future<ResponseEntity<String>> response : responses) {
                assertThat(response.get().getStatusCode()).isEqualTo(HttpStatus.OK);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(cases(commentId)).isOne();
        assertThat(instances(commentId)).isOne();
        assertThat(storedDeliveries(commentId)).isOne();
        assertThat(CaseEvidence.kinds(jdbc, "instagram", commentId)).containsExactly("complaint", "inbound");
    }

    // ------------------------------------------------------------------------------------------------ edits (R3)

    @Test
    void anEditedCommentIsKeptOnItsOpenCaseWithoutMovingIt() {
        String commentId = commentId();
        String original = delivery(
                Instant.now().minusSeconds(60).getEpochSecond(),
                change("comments", commentId, "Terrible packaging, the mug was smashed", "7349516666666666", "g.h"));
        post(original, meta.sign(bytes(original)));
        String processInstanceId = instanceOf(commentId);
        String editedText = "Update: the shop sent a new mug at once, thank you!";
        String edit = delivery(
                Instant.now().getEpochSecond(), change("comments", commentId, editedText, "7349516666666666", "g.h"));

        ResponseEntity<String> response = post(edit, meta.sign(bytes(edit)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(runtime.getVariable(processInstanceId, Var.COMMENT_EDITED_TEXT))
                .isEqualTo(editedText);
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .taskDefinitionKey(Activity.CONFIRM_TRIAGE)
                        .count())
                .isOne();
        assertThat(cases(commentId)).isOne();
        assertThat(caseOf(commentId).get("text")).isEqualTo("Terrible packaging, the mug was smashed");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM cd_inbound_event WHERE payload LIKE :text AND processed_at IS NOT NULL")
                        .param("text", "%" + editedText + "%")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(outcome(commentId)).contains("edited, new text kept on the case");
    }

    @Test
    void anEditWhileTheCaseWaitsForTheReviewOutcomeRecordsTheReviewAsUpdated() {
        String commentId = commentId();
        String original = delivery(
                Instant.now().minusSeconds(60).getEpochSecond(),
                change("comments", commentId, "Never buying here again, arrived broken", "7349517777777777", "i.j"));
        post(original, meta.sign(bytes(original)));
        String processInstanceId = instanceOf(commentId);
        // The case as it stands after the one review update request (R2): waiting for the customer's answer.
        moveTo(processInstanceId, Activity.RECORD_REVIEW_OUTCOME);
        String editedText = "Edit: arrived broken, but the shop replaced it within two days. Great service.";
        String edit = delivery(
                Instant.now().getEpochSecond(), change("comments", commentId, editedText, "7349517777777777", "i.j"));

        ResponseEntity<String> response = post(edit, meta.sign(bytes(edit)));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(runtime.getVariable(processInstanceId, Var.COMMENT_EDITED_TEXT))
                .isEqualTo(editedText);
        assertThat(runtime.getVariable(processInstanceId, Var.REVIEW_OUTCOME)).isEqualTo("updated");
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .activityId(Activity.REVIEW_OUTCOME_RECEIVED)
                        .finished()
                        .count())
                .isOne();
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .taskDefinitionKey(Activity.CLOSE_CASE)
                        .count())
                .isOne();
        assertThat(outcome(commentId)).contains("review outcome updated (R3)");

        // The same edit delivered again in another batch changes nothing more.
        String again = delivery(
                Instant.now().getEpochSecond() + 1,
                change("comments", commentId, editedText, "7349517777777777", "i.j"));
        assertThat(post(again, meta.sign(bytes(again))).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(tasks.createTaskQuery()
                        .processInstanceId(processInstanceId)
                        .taskDefinitionKey(Activity.CLOSE_CASE)
                        .count())
                .isOne();
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void assertRefused(String commentId, ResponseEntity<String> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(storedDeliveries(commentId)).isZero();
        assertThat(cases(commentId)).isZero();
        assertThat(instances(commentId)).isZero();
    }

    /** Cancels whatever the case is doing and puts it before {@code activityId}, with its variables kept. */
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

    private ResponseEntity<String> post(String body, String signature) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (signature != null) {
            headers.set(InstagramSignature.HEADER, signature);
        }
        return http.postForEntity(
                InstagramWebhookController.PATH, new HttpEntity<>(bytes(body), headers), String.class);
    }

    /** A delivery as Meta sends it: one entry for the shop's account, its changes, non-ASCII escaped. */
    static String delivery(long sentAtEpochSeconds, String... changes) {
        return "{\"object\":\"instagram\",\"entry\":[{\"id\":\"" + SHOP_ACCOUNT + "\",\"time\":" + sentAtEpochSeconds
                + ",\"changes\":[" + String.join(",", changes) + "]}]}";
    }

    static String change(String field, String commentId, String text, String fromId, String username) {
        return "{\"field\":\"" + field + "\",\"value\":{\"from\":{\"id\":\"" + fromId + "\",\"username\":\"" + username
                + "\"},\"media\":{\"id\":\"18068123456789012\",\"media_product_type\":\"FEED\"},\"id\":\"" + commentId
                + "\",\"text\":\"" + escaped(text) + "\"}}";
    }

    static String replyChange(String commentId, String parentId, String text, String fromId, String username) {
        return "{\"field\":\"comments\",\"value\":{\"from\":{\"id\":\"" + fromId + "\",\"username\":\"" + username
                + "\"},\"media\":{\"id\":\"18068123456789012\",\"media_product_type\":\"FEED\"},\"id\":\"" + commentId
                + "\",\"parent_id\":\"" + parentId + "\",\"text\":\"" + escaped(text) + "\"}}";
    }

    /** JSON string content with every non-ASCII character as a lower-case backslash-u escape, as Meta sends it. */
    static String escaped(String text) {
        return com.complaintdesk.support.BadInput.escaped(text);
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }

    private static String commentId() {
        return "1789" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L);
    }

    private Map<String, Object> caseOf(String commentId) {
        return jdbc.sql("SELECT text, language, customer_id, customer_name, received_by FROM cd_complaint "
                        + "WHERE channel = 'instagram' AND external_id = :id")
                .param("id", commentId)
                .query()
                .singleRow();
    }

    private OffsetDateTime postedAt(String commentId) {
        return jdbc.sql("SELECT posted_at FROM cd_complaint WHERE channel = 'instagram' AND external_id = :id")
                .param("id", commentId)
                .query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
                .single()
                .withOffsetSameInstant(ZoneOffset.UTC)
                .truncatedTo(ChronoUnit.SECONDS);
    }

    private long cases(String commentId) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_complaint WHERE channel = 'instagram' AND external_id = :id")
                .param("id", commentId)
                .query(Long.class)
                .single();
    }

    private long instances(String commentId) {
        return history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("instagram:" + commentId)
                .count();
    }

    private String instanceOf(String commentId) {
        return runtime.createProcessInstanceQuery()
                .processDefinitionKey(ComplaintLifecycle.PROCESS_KEY)
                .processInstanceBusinessKey("instagram:" + commentId)
                .singleResult()
                .getId();
    }

    private long storedDeliveries(String commentId) {
        return jdbc.sql("SELECT COUNT(*) FROM cd_inbound_event WHERE channel = 'instagram' AND payload LIKE :id")
                .param("id", "%\"" + commentId + "\"%")
                .query(Long.class)
                .single();
    }

    /** The outcomes of every delivery that mentioned the comment, newest last. */
    private String outcome(String commentId) {
        return String.join(
                " | ",
                jdbc.sql("SELECT outcome FROM cd_inbound_event WHERE channel = 'instagram' "
                                + "AND payload LIKE :id ORDER BY received_at")
                        .param("id", "%\"" + commentId + "\"%")
                        .query(String.class)
                        .list());
    }
}
