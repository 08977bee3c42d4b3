package com.complaintdesk.channel.instagram;

import static com.complaintdesk.channel.instagram.InstagramWebhookAppTest.change;
import static com.complaintdesk.channel.instagram.InstagramWebhookAppTest.delivery;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.BadInput;
import com.complaintdesk.support.Reconciliation;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.camunda.bpm.engine.RuntimeService;
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
 * The bad input corpus against {@code /webhooks/instagram}, every body signed with the app secret as Meta signs, so
 * that it reaches the parser. Never a 5xx (Meta would deliver it again and again); no case and no process for
 * anything bad. What cannot be read is answered 400 with what is wrong; a well-formed delivery whose comment cannot
 * become a case is acknowledged (200, so Meta does not repeat it) and its stored delivery says why (README
 * "Instagram webhook": every signed delivery is kept as received).
 */
@AppTest
class InstagramBadInputAppTest {

    static final InstagramSignature META = new InstagramSignature("test-instagram-app-secret");

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RuntimeService runtime;

    Reconciliation reconciliation;

    @BeforeEach
    void setUp() {
        reconciliation = new Reconciliation(jdbc);
    }

    @Test
    void unreadableDeliveriesAreRefusedWith400AndOpenNothing() {
        Reconciliation.Counts before = reconciliation.counts();
        List<byte[]> bodies = new ArrayList<>();
        BadInput.MALFORMED_JSON.stream()
                .filter(b -> !b.contains("\u0000"))
                .forEach(b -> bodies.add((b + " " + nonce()).getBytes(StandardCharsets.UTF_8)));
        bodies.add(("[" + nonce() + "]").getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"x\":" + nonce() + ",\"entry\":" + "[".repeat(50_000) + "]".repeat(50_000) + "}")
                .getBytes(StandardCharsets.UTF_8));
        for (byte[] body : bodies) {
            ResponseEntity<String> response = post(body);
            assertThat(response.getStatusCode().value())
                    .as(new String(body, 0, Math.min(80, body.length), StandardCharsets.UTF_8) + ": "
                            + response.getBody())
                    .isEqualTo(400);
            assertThat(response.getBody()).isEqualTo("The delivery is not the JSON Instagram webhooks send");
        }
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.complaints()).isEqualTo(before.complaints());
        assertThat(after.processInstances()).isEqualTo(before.processInstances());
        // kept as received, each with what was wrong with it
        assertThat(after.inboundEvents()).isEqualTo(before.inboundEvents() + bodies.size());
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM cd_inbound_event WHERE channel = 'instagram' AND processed_at IS NULL")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRawNulByteOrBytesThatAreNotUtf8AreRefusedBeforeAnythingIsStored() {
        Reconciliation.Counts before = reconciliation.counts();
        byte[] body = ("{\"object\":\"instagram\",\"n\":" + nonce() + ",\"text\":\"a\u0000b\"}")
                .getBytes(StandardCharsets.UTF_8);
        ResponseEntity<String> response = post(body);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("NUL byte");
        for (byte[] bad : BadInput.INVALID_UTF8) {
            ByteArrayOutputStream notUtf8 = new ByteArrayOutputStream();
            notUtf8.writeBytes(delivery(Instant.now().getEpochSecond(), change("comments", commentId(), "", "1", "u"))
                    .replace("\"text\":\"\"", "\"text\":\"\u0001\"")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] bytes = notUtf8.toByteArray();
            int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\u0001');
            byte[] withBad = new byte[bytes.length - 1 + bad.length];
            System.arraycopy(bytes, 0, withBad, 0, at);
            System.arraycopy(bad, 0, withBad, at, bad.length);
            System.arraycopy(bytes, at + 1, withBad, at + bad.length, bytes.length - at - 1);
            ResponseEntity<String> refused = post(withBad);
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
            assertThat(refused.getBody()).contains("is not valid UTF-8");
        }
        assertThat(reconciliation.counts()).isEqualTo(before);
    }

    @Test
    void aDeliveryAboveFourMebibytesIsRefusedWith413() {
        Reconciliation.Counts before = reconciliation.counts();
        String body = delivery(
                Instant.now().getEpochSecond(), change("comments", commentId(), "x".repeat(4 * 1024 * 1024), "1", "u"));
        ResponseEntity<String> response = post(body.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(reconciliation.counts()).isEqualTo(before);
    }

    @Test
    void aCommentThatCannotBeACaseIsAcknowledgedAndItsDeliverySaysWhy() {
        Reconciliation.Counts before = reconciliation.counts();
        List<String[]> corpus = List.of(
                new String[] {"broken\u0000mug", "text must not contain control characters (found U+0000)"},
                new String[] {"y".repeat(4001), "text size must be between"},
                new String[] {"   ", "text must not be blank"});
        for (String[] bad : corpus) {
            String commentId = commentId();
            String body = delivery(
                    Instant.now().getEpochSecond(), change("comments", commentId, bad[0], "17841405555", "mia"));
            ResponseEntity<String> response = post(body.getBytes(StandardCharsets.UTF_8));
            assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(200);
            String outcome = jdbc.sql(
                            "SELECT outcome FROM cd_inbound_event WHERE channel = 'instagram' AND payload LIKE :id")
                    .param("id", "%\"" + commentId + "\"%")
                    .query(String.class)
                    .single();
            assertThat(outcome).contains("comment " + commentId + ": refused").contains(bad[1]);
        }
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.complaints()).isEqualTo(before.complaints());
        assertThat(after.processInstances()).isEqualTo(before.processInstances());
    }

    /**
     * R3: an edit (the same comment id again with another text) whose text no case may hold: a NUL or another control
     * character, an unpaired surrogate (both escaped in the JSON, as Meta escapes), more than 4000 characters. Never a
     * 500 (PostgreSQL cannot store a NUL; Meta would deliver it again and again): acknowledged, the case keeps what it
     * had, and the stored delivery says why.
     */
    @Test
    void anEditedCommentWithTextNoCaseMayHoldIsAcknowledgedAndTheCaseKeepsItsText() {
        String commentId = commentId();
        String original = delivery(
                Instant.now().minusSeconds(60).getEpochSecond(),
                change("comments", commentId, "The mug arrived in pieces", "17841405555", "mia"));
        assertThat(post(original.getBytes(StandardCharsets.UTF_8))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        String processInstanceId = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey("instagram:" + commentId)
                .singleResult()
                .getId();
        Reconciliation.Counts before = reconciliation.counts();
        List<String> edits = new ArrayList<>(BadInput.UNSTORABLE_TEXT);
        edits.add("y".repeat(4001));
        for (String text : edits) {
            String edit =
                    delivery(Instant.now().getEpochSecond(), change("comments", commentId, text, "17841405555", "mia"));
            ResponseEntity<String> response = post(edit.getBytes(StandardCharsets.UTF_8));
            assertThat(response.getStatusCode().value())
                    .as(BadInput.escaped(text) + ": " + response.getBody())
                    .isEqualTo(200);
            String outcome = jdbc.sql(
                            "SELECT outcome FROM cd_inbound_event WHERE channel = 'instagram' AND payload = :edit")
                    .param("edit", edit)
                    .query(String.class)
                    .single();
            assertThat(outcome)
                    .as(BadInput.escaped(text))
                    .contains("comment " + commentId)
                    .contains("edit refused, text");
        }
        assertThat(runtime.getVariable(processInstanceId, ComplaintLifecycle.Var.COMMENT_EDITED_TEXT))
                .isNull();
        assertThat(jdbc.sql("SELECT text FROM cd_complaint WHERE channel = 'instagram' AND external_id = :id")
                        .param("id", commentId)
                        .query(String.class)
                        .single())
                .isEqualTo("The mug arrived in pieces");
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.complaints()).isEqualTo(before.complaints());
        assertThat(after.processInstances()).isEqualTo(before.processInstances());
        assertThat(after.inboundEvents()).isEqualTo(before.inboundEvents() + edits.size());
        // a fine edit afterwards is kept as ever
        String fine = delivery(
                Instant.now().getEpochSecond(),
                change("comments", commentId, "Replaced within two days", "17841405555", "mia"));
        assertThat(post(fine.getBytes(StandardCharsets.UTF_8)).getStatusCode().value())
                .isEqualTo(200);
        assertThat(runtime.getVariable(processInstanceId, ComplaintLifecycle.Var.COMMENT_EDITED_TEXT))
                .isEqualTo("Replaced within two days");
    }

    @Test
    void scriptAndSqlInjectionInACommentIsStoredVerbatimAsOneCase() {
        Reconciliation.Counts before = reconciliation.counts();
        List<String> caseIds = new ArrayList<>();
        for (String injection : BadInput.INJECTIONS) {
            String commentId = commentId();
            String body = delivery(
                    Instant.now().getEpochSecond(),
                    change(
                            "comments",
                            commentId,
                            injection,
                            "17841405555",
                            InstagramWebhookAppTest.escaped(injection)));
            assertThat(post(body.getBytes(StandardCharsets.UTF_8))
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
            var stored = jdbc.sql(
                            "SELECT id, text, customer_name FROM cd_complaint WHERE channel = 'instagram' AND external_id = :id")
                    .param("id", commentId)
                    .query()
                    .singleRow();
            assertThat(stored.values()).contains(injection);
            caseIds.add(String.valueOf(stored.getOrDefault("id", stored.get("ID"))));
        }
        assertThat(reconciliation.counts().complaints()).isEqualTo(before.complaints() + BadInput.INJECTIONS.size());
        reconciliation.verify(caseIds);
    }

    private ResponseEntity<String> post(byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add(InstagramSignature.HEADER, META.sign(body));
        return http.postForEntity(InstagramWebhookController.PATH, new HttpEntity<>(body, headers), String.class);
    }

    private static String commentId() {
        return "1789" + ThreadLocalRandom.current().nextLong(100_000_000_000L, 999_999_999_999L);
    }

    private static long nonce() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }
}
