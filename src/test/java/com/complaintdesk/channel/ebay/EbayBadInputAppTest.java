package com.complaintdesk.channel.ebay;

import static com.complaintdesk.channel.ebay.EbayNotificationAppTest.publishEbayKey;
import static com.complaintdesk.channel.ebay.EbayNotificationAppTest.sign;
import static com.complaintdesk.support.BadInput.escaped;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.BadInput;
import com.complaintdesk.support.CaseEvidence;
import com.complaintdesk.support.Reconciliation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The bad input corpus against {@code /webhooks/ebay}, every body signed in {@code X-EBAY-SIGNATURE} with the key the
 * eBay stub publishes, so that it reaches the parser. Never a 5xx (eBay would send it again and again); no case and
 * no process for anything bad. What is not the JSON eBay sends is 400, kept as received with what was wrong (as every
 * signed notification is); a raw NUL, bytes that are not UTF-8 and bodies above 1 MiB are refused before anything is
 * stored. A well-formed notification eBay has no reason to repeat (another topic, a feedback that cannot become a
 * case) is acknowledged with 204, as eBay's Notification API asks, and its stored notification says why.
 */
class EbayBadInputAppTest extends EbayAppTestBase {

    @Autowired
    TestRestTemplate http;

    Reconciliation reconciliation;

    @Autowired
    EbayNotificationSignature signature;

    @BeforeEach
    void setUp() throws Exception {
        publishEbayKey();
        EbayNotificationAppTest.knowEbayKey(signature);
        reconciliation = new Reconciliation(jdbc);
    }

    @Test
    void unreadableNotificationsAreRefusedWith400AndOpenNothing() throws Exception {
        Reconciliation.Counts before = reconciliation.counts();
        List<byte[]> bodies = new ArrayList<>();
        BadInput.MALFORMED_JSON.stream()
                .filter(b -> !b.contains("\u0000"))
                .forEach(b -> bodies.add((b + " " + nonce()).getBytes(StandardCharsets.UTF_8)));
        bodies.add(("[" + nonce() + "]").getBytes(StandardCharsets.UTF_8));
        bodies.add(("\"FEEDBACK_RECEIVED " + nonce() + "\"").getBytes(StandardCharsets.UTF_8));
        bodies.add(BadInput.deeplyNested(100_000)
                .replace("{", "{\"n\":" + nonce() + ",")
                .getBytes(StandardCharsets.UTF_8));
        for (byte[] body : bodies) {
            ResponseEntity<String> response = post(body);
            assertThat(response.getStatusCode().value())
                    .as(new String(body, 0, Math.min(80, body.length), StandardCharsets.UTF_8) + ": "
                            + response.getBody())
                    .isEqualTo(400);
            assertThat(response.getBody()).isEqualTo("The notification is not the JSON eBay sends");
        }
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.complaints()).isEqualTo(before.complaints());
        assertThat(after.processInstances()).isEqualTo(before.processInstances());
        // kept as received, each with what was wrong with it
        assertThat(after.inboundEvents()).isEqualTo(before.inboundEvents() + bodies.size());
        for (byte[] body : bodies) {
            assertThat(jdbc.sql(
                                    "SELECT outcome FROM cd_inbound_event WHERE channel = 'ebay' AND payload = :body AND processed_at IS NOT NULL")
                            .param("body", new String(body, StandardCharsets.UTF_8))
                            .query(String.class)
                            .single())
                    .isEqualTo("not a JSON object");
        }
    }

    @Test
    void aRawNulByteOrBytesThatAreNotUtf8AreRefusedBeforeAnythingIsStored() throws Exception {
        Reconciliation.Counts before = reconciliation.counts();
        String feedback = feedbackId();
        String body = notification(
                UUID.randomUUID().toString(), "\"FEEDBACK_RECEIVED\"", detail(feedback, Map.of("commentText", "@@")));

        ResponseEntity<String> nul = post(BadInput.spliced(body, "@@", new byte[] {'a', 0, 'b'}));
        assertThat(nul.getStatusCode().value()).isEqualTo(400);
        assertThat(nul.getBody()).contains("NUL byte").contains("nothing was stored");
        for (byte[] bad : BadInput.INVALID_UTF8) {
            ResponseEntity<String> refused = post(BadInput.spliced(body, "@@", bad));
            assertThat(refused.getStatusCode().value()).as(refused.getBody()).isEqualTo(400);
            assertThat(refused.getBody()).contains("is not valid UTF-8");
        }
        assertThat(reconciliation.counts()).isEqualTo(before);
    }

    @Test
    void aNotificationAboveOneMebibyteIsRefusedWith413() throws Exception {
        Reconciliation.Counts before = reconciliation.counts();
        String body = notification(
                UUID.randomUUID().toString(),
                "\"FEEDBACK_RECEIVED\"",
                detail(feedbackId(), Map.of("commentText", "x".repeat(EbayNotificationController.MAX_BODY_BYTES))));

        ResponseEntity<String> response = post(body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.getStatusCode().value()).isEqualTo(413);
        assertThat(response.getBody()).contains("larger than " + EbayNotificationController.MAX_BODY_BYTES + " bytes");
        assertThat(reconciliation.counts()).isEqualTo(before);
    }

    /** Topics other than FEEDBACK_RECEIVED, documented or not, and a topic of the wrong type: acknowledged, ignored. */
    @Test
    void otherTopicsAreAcknowledgedAndIgnored() throws Exception {
        Reconciliation.Counts before = reconciliation.counts();
        Map<String, String> topics = new LinkedHashMap<>();
        topics.put("\"MARKETPLACE_ACCOUNT_DELETION\"", "topic MARKETPLACE_ACCOUNT_DELETION: ignored");
        topics.put("\"FEEDBACK_RECEIVED_V2\"", "topic FEEDBACK_RECEIVED_V2: ignored");
        topics.put("\"feedback_received\"", "topic feedback_received: ignored");
        topics.put("null", "topic null: ignored");
        topics.put("[\"FEEDBACK_RECEIVED\"]", "topic null: ignored");
        topics.put("{\"name\": \"FEEDBACK_RECEIVED\"}", "topic null: ignored");
        for (Map.Entry<String, String> topic : topics.entrySet()) {
            String feedback = feedbackId();
            String notificationId = UUID.randomUUID().toString();
            // the shape of a marketplace account deletion, then a feedback under a topic that is not its own
            String data = topic.getKey().contains("DELETION")
                    ? "{\"username\": \"lin_w\", \"userId\": \"ma8vp1jySJC\", \"eiasToken\": \"nY+sHZ2PrBmdj6wVnY+sEZ2PrA2dj6wJnY+gAZGEpwmdj6x9nY+seQ==\"}"
                    : detail(feedback, Map.of());
            ResponseEntity<String> response =
                    post(notification(notificationId, topic.getKey(), data).getBytes(StandardCharsets.UTF_8));
            assertThat(response.getStatusCode().value())
                    .as(topic.getKey() + ": " + response.getBody())
                    .isEqualTo(204);
            assertThat(outcome(notificationId)).isEqualTo(topic.getValue());
            assertThat(cases(feedback)).isZero();
        }
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.complaints()).isEqualTo(before.complaints());
        assertThat(after.processInstances()).isEqualTo(before.processInstances());
        assertThat(after.inboundEvents()).isEqualTo(before.inboundEvents() + topics.size());
    }

    /** FEEDBACK_RECEIVED whose data has fields of the wrong type, unknown values or values no case may hold. */
    @Test
    void aFeedbackThatCannotBeACaseIsAcknowledgedAndItsNotificationSaysWhy() throws Exception {
        Reconciliation.Counts before = reconciliation.counts();
        List<String[]> corpus = new ArrayList<>();
        // {data as raw JSON, what the stored outcome says}; FEEDBACK_ID stands for the feedback's id
        corpus.add(new String[] {"\"a feedback\"", "feedback without a feedbackId: not handled"});
        corpus.add(new String[] {"[]", "feedback without a feedbackId: not handled"});
        corpus.add(new String[] {"null", "feedback without a feedbackId: not handled"});
        corpus.add(new String[] {raw("feedbackId", "{\"id\": 1}"), "feedback without a feedbackId: not handled"});
        corpus.add(new String[] {raw("feedbackId", "true"), "feedback without a feedbackId: not handled"});
        corpus.add(new String[] {with("commentType", "FURIOUS"), "feedback FEEDBACK_ID: FURIOUS, no case"});
        corpus.add(new String[] {raw("commentType", "42"), "feedback FEEDBACK_ID: 42, no case"});
        corpus.add(new String[] {raw("commentType", "[\"NEGATIVE\"]"), "feedback FEEDBACK_ID: null, no case"});
        corpus.add(new String[] {raw("feedbackComment", "\"Broken\""), "refused, text must not be blank"});
        corpus.add(new String[] {with("commentText", "   "), "refused, text must not be blank"});
        corpus.add(
                new String[] {with("commentText", "y".repeat(4001)), "refused, text size must be between 0 and 4000"});
        corpus.add(new String[] {raw("providerUserDetail", "\"lin_w\""), "refused, customer.id must not be blank"});
        corpus.add(
                new String[] {with("userId", "u".repeat(201)), "refused, customer.id size must be between 0 and 200"});
        corpus.add(
                new String[] {with("value", "-19.25"), "refused, order.value must be greater than or equal to 0.00"});
        corpus.add(new String[] {with("value", "1e999999999"), "refused, order.value must be less than 100000000"});
        corpus.add(new String[] {
            with("currency", "usd"), "refused, order.currency must be an ISO 4217 code such as USD or CNY"
        });
        corpus.add(new String[] {with("currency", "XYZ"), "refused, order.currency is not an ISO 4217 currency"});
        corpus.add(new String[] {
            with("feedbackId", "id with spaces"), "refused, externalId must not contain spaces or control characters"
        });
        corpus.add(
                new String[] {with("feedbackId", "9".repeat(300)), "refused, externalId size must be between 0 and 200"
                });
        for (String[] bad : corpus) {
            String feedback = feedbackId();
            String notificationId = UUID.randomUUID().toString();
            String data = bad[0].replace("FEEDBACK_ID", feedback);
            ResponseEntity<String> response = post(
                    notification(notificationId, "\"FEEDBACK_RECEIVED\"", data).getBytes(StandardCharsets.UTF_8));
            assertThat(response.getStatusCode().value())
                    .as(bad[1] + ": " + response.getBody())
                    .isEqualTo(204);
            assertThat(outcome(notificationId)).as(data).contains(bad[1].replace("FEEDBACK_ID", feedback));
            assertThat(cases(feedback)).isZero();
        }
        Reconciliation.Counts after = reconciliation.counts();
        assertThat(after.complaints()).isEqualTo(before.complaints());
        assertThat(after.processInstances()).isEqualTo(before.processInstances());
    }

    /**
     * A NUL or another control character, or an unpaired surrogate, escaped in the JSON (so the body itself is clean
     * UTF-8) in each text field eBay sends: never a 5xx (PostgreSQL cannot store a NUL, nor UTF-8 an unpaired
     * surrogate), no case, and the stored notification says why.
     */
    @Test
    void controlCharactersAndUnpairedSurrogatesInAnyFieldNeverOpenACaseNorFail() throws Exception {
        Reconciliation.Counts before = reconciliation.counts();
        List<String> fields = List.of(
                "notificationId",
                "topic",
                "feedbackId",
                "commentType",
                "commentText",
                "userId",
                "orderLineItemId",
                "listingId",
                "listingTitle",
                "currency",
                "feedbackEnteredDate");
        int sent = 0;
        for (String field : fields) {
            for (String bad : BadInput.UNSTORABLE_TEXT) {
                String feedback = feedbackId();
                String value = field.equals("notificationId") || field.equals("feedbackId") ? feedback + bad : bad;
                String notificationId = field.equals("notificationId")
                        ? value
                        : UUID.randomUUID().toString();
                String topic = field.equals("topic") ? "\"" + escaped(value) + "\"" : "\"FEEDBACK_RECEIVED\"";
                String body = notification(escaped(notificationId), topic, detail(feedback, Map.of(field, value)));
                ResponseEntity<String> response = post(body.getBytes(StandardCharsets.UTF_8));
                sent++;
                assertThat(response.getStatusCode().value())
                        .as(field + " " + escaped(bad) + ": " + response.getBody())
                        .isEqualTo(204);
                boolean fineFeedback = field.equals("notificationId") || field.equals("feedbackEnteredDate");
                assertThat(cases(feedback)).as(field + " " + escaped(bad)).isEqualTo(fineFeedback ? 1 : 0);
                String outcome = jdbc.sql(
                                "SELECT outcome FROM cd_inbound_event WHERE channel = 'ebay' AND payload = :body")
                        .param("body", body)
                        .query(String.class)
                        .single();
                if (field.equals("notificationId")) {
                    assertThat(outcome)
                            .as(escaped(bad))
                            .contains("feedback " + feedback + ": case")
                            .contains("opened");
                } else if (field.equals("feedbackEnteredDate")) {
                    assertThat(outcome).as(escaped(bad)).contains("case").contains("opened");
                } else {
                    assertThat(outcome).as(field + " " + escaped(bad)).containsAnyOf("refused", "ignored", "no case");
                }
            }
        }
        Reconciliation.Counts after = reconciliation.counts();
        // the notificationId is not the feedback: those feedbacks and the ones without a date are fine cases
        int fine = 2 * BadInput.UNSTORABLE_TEXT.size();
        assertThat(after.complaints()).isEqualTo(before.complaints() + fine);
        assertThat(after.inboundEvents()).isGreaterThanOrEqualTo(before.inboundEvents() + sent);
    }

    @Test
    void farPastFeedbackDatesAreRefusedAndFutureOnesTakeTheTimeOfArrival() throws Exception {
        for (String date : BadInput.BAD_DATE_TIMES) {
            String feedback = feedbackId();
            String notificationId = UUID.randomUUID().toString();
            OffsetDateTime sent = OffsetDateTime.now(ZoneOffset.UTC);
            ResponseEntity<String> response = post(notification(
                            notificationId,
                            "\"FEEDBACK_RECEIVED\"",
                            detail(feedback, Map.of("feedbackEnteredDate", date)))
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(response.getStatusCode().value())
                    .as(date + ": " + response.getBody())
                    .isEqualTo(204);
            boolean farPast = date.startsWith("-") || date.compareTo("1995") < 0 && Character.isDigit(date.charAt(0));
            if (farPast) {
                assertThat(outcome(notificationId))
                        .as(date)
                        .contains("refused, postedAt must not be before 1995-01-01");
                assertThat(cases(feedback)).isZero();
            } else {
                // a date in the future, or none that can be read: the case is posted when eBay told us
                OffsetDateTime postedAt = jdbc.sql(
                                "SELECT posted_at FROM cd_complaint WHERE channel = 'ebay' AND external_id = :id")
                        .param("id", feedback)
                        .query(OffsetDateTime.class)
                        .single();
                assertThat(postedAt)
                        .as(date)
                        .isBetween(
                                sent.minusSeconds(5),
                                OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(5));
            }
        }
    }

    /** Script and SQL injection in every text field of a feedback: plain text, stored as it came, one case each. */
    @Test
    void scriptAndSqlInjectionInEveryTextFieldIsStoredVerbatimAsOneCase() throws Exception {
        Reconciliation.Counts before = reconciliation.counts();
        List<String> caseIds = new ArrayList<>();
        for (String injection : BadInput.INJECTIONS) {
            String feedback = feedbackId();
            String body = notification(
                    UUID.randomUUID().toString(),
                    "\"FEEDBACK_RECEIVED\"",
                    detail(
                            feedback,
                            Map.of(
                                    "commentText",
                                    injection,
                                    "userId",
                                    injection,
                                    "orderLineItemId",
                                    injection,
                                    "listingId",
                                    injection,
                                    "listingTitle",
                                    injection)));

            ResponseEntity<String> response = post(body.getBytes(StandardCharsets.UTF_8));

            assertThat(response.getStatusCode().value())
                    .as(injection + ": " + response.getBody())
                    .isEqualTo(204);
            Map<String, Object> stored = caseOf(feedback);
            assertThat(stored)
                    .containsEntry("text", injection)
                    .containsEntry("customer_id", injection)
                    .containsEntry("customer_name", injection)
                    .containsEntry("order_id", injection)
                    .containsEntry("product_sku", injection);
            assertThat(CaseEvidence.inboundPayloads(jdbc, "ebay", feedback)).contains(body);
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

    /** A notification in eBay's envelope; {@code notificationId} is JSON string content, {@code topic} raw JSON. */
    private static String notification(String notificationId, String topic, String data) {
        return """
                {"metadata": {"topic": %s, "schemaVersion": "1.0", "deprecated": false},
                 "notification": {"notificationId": "%s", "eventDate": "%s", "publishDate": "%s",
                   "publishAttemptCount": 1, "data": %s}}
                """
                .formatted(topic, notificationId, Instant.now(), Instant.now(), data);
    }

    /**
     * A NEGATIVE FeedbackDetail (see {@link EbayAppTestBase#entry}) with the given fields' values in place of the
     * usual ones, each escaped as JSON string content; a field of the envelope ({@code notificationId}, {@code topic})
     * is ignored here.
     */
    private static String detail(String feedbackId, Map<String, String> values) {
        Map<String, String> v = new LinkedHashMap<>(Map.of(
                "feedbackId",
                feedbackId,
                "commentType",
                "NEGATIVE",
                "commentText",
                "Box crushed, mug broken",
                "feedbackEnteredDate",
                OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).toString(),
                "userId",
                "lin_w",
                "orderLineItemId",
                "110553012345-2938475610",
                "listingId",
                "110553012345",
                "listingTitle",
                "Ceramic mug 350 ml",
                "value",
                "19.25",
                "currency",
                "USD"));
        values.forEach((field, value) -> {
            if (v.containsKey(field)) {
                v.put(field, value);
            }
        });
        return """
                {"feedbackId": "%s", "commentType": "%s", "feedbackComment": {"commentText": "%s"},
                 "feedbackEnteredDate": "%s", "eligibleForRevision": true,
                 "providerUserDetail": {"userId": "%s", "role": "BUYER", "feedbackScore": 12},
                 "orderLineItemSummary": {"orderLineItemId": "%s", "listingId": "%s", "listingTitle": "%s",
                   "listingPrice": {"value": "%s", "currency": "%s"}}}
                """
                .formatted(
                        escaped(v.get("feedbackId")),
                        escaped(v.get("commentType")),
                        escaped(v.get("commentText")),
                        escaped(v.get("feedbackEnteredDate")),
                        escaped(v.get("userId")),
                        escaped(v.get("orderLineItemId")),
                        escaped(v.get("listingId")),
                        escaped(v.get("listingTitle")),
                        escaped(v.get("value")),
                        escaped(v.get("currency")));
    }

    /** A FeedbackDetail (for {@code FEEDBACK_ID}) with one field's value given as a JSON string. */
    private static String with(String field, String value) {
        return detail("FEEDBACK_ID", Map.of(field, value));
    }

    /** A FeedbackDetail (for {@code FEEDBACK_ID}) with one field's JSON string value replaced by other raw JSON. */
    private static String raw(String field, String json) {
        String detail = detail("FEEDBACK_ID", Map.of());
        String withMarker = field.equals("feedbackComment") || field.equals("providerUserDetail")
                ? detail.replaceFirst("\"" + field + "\": \\{[^}]*}", "\"" + field + "\": @@")
                : detail.replaceFirst("\"" + field + "\": \"[^\"]*\"", "\"" + field + "\": @@");
        assertThat(withMarker).contains("@@");
        return withMarker.replace("@@", json);
    }

    private String outcome(String notificationId) {
        return jdbc.sql("SELECT outcome FROM cd_inbound_event WHERE channel = 'ebay' AND event_key = :key")
                .param("key", "notification:" + notificationId)
                .query(String.class)
                .single();
    }

    private ResponseEntity<String> post(byte[] body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(EbayNotificationSignature.HEADER, sign(body));
        return http.postForEntity(EbayNotificationController.PATH, new HttpEntity<>(body, headers), String.class);
    }

    private static long nonce() {
        return ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }
}
