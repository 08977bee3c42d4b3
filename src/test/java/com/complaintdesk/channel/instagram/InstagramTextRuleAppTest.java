package com.complaintdesk.channel.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.channel.OutboxEntry;
import com.complaintdesk.compensation.ChoiceLinks;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.TasklistUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Instagram's message limit on the forms where the messages are written (F1, F7, C2): over the engine REST API as
 * Tasklist submits them, refused with 400 naming the field while the text the customer would get is over 1000 UTF-8
 * bytes, accepted at the limit. What the agent cannot fix (the 7-day window, one private reply per comment) does not
 * hold a form up. The Instagram channel is off here: the rules apply all the same, the sandbox delivers.
 */
@AppTest
class InstagramTextRuleAppTest {

    private static final int EIGHT_DAYS_IN_MINUTES = 8 * 24 * 60;

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService taskService;

    @Autowired
    Outbox outbox;

    @Autowired
    ChoiceLinks links;

    @Test
    void aFollowUpMessageOverOneThousandBytesIsRefusedNamingTheFieldAndOneAtTheLimitIsSent_F1_F7() {
        TasklistUser ana = new TasklistUser(http, "ana");
        Tasklist.Opened c = toContactCustomer(ana, 30);
        String contact = ana.awaitTask(c.processInstanceId(), Activity.CONTACT_CUSTOMER);
        ana.claim(contact);

        // 334 Chinese characters: well under the form's 4000 characters, but 1002 bytes
        ResponseEntity<JsonNode> refused = ana.submitForm(contact, contact("您好".repeat(167)));

        assertThat(refused.getStatusCode())
                .as(String.valueOf(refused.getBody()))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("field").asText()).isEqualTo(Var.FOLLOW_UP_MESSAGE);
            assertThat(error.path("message").asText())
                    .contains(
                            "is sent as an Instagram message",
                            "at most 1000 bytes of UTF-8 text (1000 Latin letters, 333 Chinese characters)",
                            "this one has 1002",
                            "shorten the message");
        });
        assertThat(taskService.createTaskQuery().taskId(contact).count())
                .as("the contact is still open")
                .isOne();
        assertThat(sent(c.caseId(), MessageKind.PRIVATE_MESSAGE))
                .as("nothing sent")
                .isEmpty();

        String atTheLimit = "您好".repeat(166) + "Ana.";
        ResponseEntity<JsonNode> accepted = ana.submitForm(contact, contact(atTheLimit));

        assertThat(accepted.getStatusCode())
                .as(String.valueOf(accepted.getBody()))
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(awaitSent(c.caseId(), MessageKind.PRIVATE_MESSAGE).text())
                .isEqualTo(atTheLimit)
                .satisfies(text ->
                        assertThat(text.getBytes(StandardCharsets.UTF_8)).hasSize(1000));
    }

    @Test
    void anOfferIsMeasuredWithTheOptionsAddedAsTheCustomerGetsIt_C2() {
        TasklistUser ana = new TasklistUser(http, "ana");
        Tasklist.Opened c = toContactCustomer(ana, 30);
        ana.work(c.processInstanceId(), Activity.CONTACT_CUSTOMER, contact("您好，我是客服 Ana。我们已经查过您的订单，可以为您退款或补发。"));
        String offer = ana.awaitTask(c.processInstanceId(), Activity.OFFER_COMPENSATION);
        ana.claim(offer);

        // 960 bytes of message, plus "\n", "\n1. 全额退款" and "\n2. 换新并赠送小礼品" (45 bytes) and the line with the
        // link to the choice page, as sent
        int link = links.nextLinkLine(Map.of(Var.CASE_ID, c.caseId(), Var.LANGUAGE, "zh"))
                .getBytes(StandardCharsets.UTF_8)
                .length;
        ResponseEntity<JsonNode> refused = ana.submitForm(offer, offer(filler(960)));

        assertThat(refused.getStatusCode())
                .as(String.valueOf(refused.getBody()))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("field").asText()).isEqualTo(Var.OFFER_MESSAGE);
            assertThat(error.path("message").asText())
                    .contains(
                            "is sent as an Instagram message",
                            "at most 1000 bytes",
                            "this one has " + (1005 + link),
                            "the numbered options and the link to choose are added after the message",
                            "shorten the message");
        });
        assertThat(taskService.createTaskQuery().taskId(offer).count())
                .as("the offer is still open")
                .isOne();

        int fits = 955 - link;
        while (filler(fits).endsWith(" ")) {
            fits--;
        }
        ResponseEntity<JsonNode> accepted = ana.submitForm(offer, offer(filler(fits)));

        assertThat(accepted.getStatusCode())
                .as(String.valueOf(accepted.getBody()))
                .isEqualTo(HttpStatus.NO_CONTENT);
        String sent = awaitSent(c.caseId(), MessageKind.COMPENSATION_OFFER).text();
        assertThat(sent).startsWith(filler(fits)).contains("\n1. 全额退款\n2. 换新并赠送小礼品\n\n点此选择方案");
        assertThat(sent.getBytes(StandardCharsets.UTF_8))
                .hasSize(fits + 45 + link)
                .hasSizeLessThanOrEqualTo(1000);
    }

    @Test
    void aCommentOlderThanSevenDaysAndASecondPrivateMessageHoldNoFormUp_F7_C2() {
        TasklistUser ana = new TasklistUser(http, "ana");
        Tasklist.Opened c = toContactCustomer(ana, EIGHT_DAYS_IN_MINUTES);

        ana.work(c.processInstanceId(), Activity.CONTACT_CUSTOMER, contact("您好，我是客服 Ana。我们已经查过您的订单，可以为您退款或补发。"));
        awaitSent(c.caseId(), MessageKind.PRIVATE_MESSAGE);
        ana.work(c.processInstanceId(), Activity.OFFER_COMPENSATION, offer("请选择最适合您的方案，我们会马上为您处理："));

        assertThat(awaitSent(c.caseId(), MessageKind.COMPENSATION_OFFER).text()).startsWith("请选择最适合您的方案，我们会马上为您处理：");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** An Instagram comment in Chinese posted {@code minutesAgo}, triaged, answered and prepared up to the contact. */
    private Tasklist.Opened toContactCustomer(TasklistUser ana, int minutesAgo) {
        Tasklist.Opened c = ana.open(SampleComplaint.body(
                "instagram", "ig-" + UUID.randomUUID(), minutesAgo, "杯子收到的时候就碎了，盒子被压扁了，很失望。", "zh"));
        ana.work(
                c.processInstanceId(),
                Activity.CONFIRM_TRIAGE,
                Map.of(Var.TIER, "T2", Var.CATEGORY, "quality", Var.ESCALATE_TO_CRISIS, false));
        ana.work(
                c.processInstanceId(),
                Activity.DRAFT_REPLY,
                values(
                        Var.REPLY_APOLOGY,
                        "非常抱歉让您有这样的体验，也谢谢您告诉我们。",
                        Var.REPLY_CAUSE,
                        "我们查过了：这一批的包装在运输中容易被压坏。",
                        Var.REPLY_SOLUTION,
                        "我们今天为您补发新杯子，周四前送到。",
                        Var.REPLY_INVITATION,
                        "我们已经私信您，方便的时候请查看。",
                        Var.ESCALATE_TO_CRISIS,
                        false));
        ana.work(
                c.processInstanceId(),
                Activity.PREPARE_FOLLOW_UP,
                values(
                        Var.FOLLOW_UP_FINDINGS,
                        "Tracking shows the parcel was crushed in the sorting centre.",
                        Var.ROOT_CAUSE,
                        "logistics",
                        Var.CUSTOMER_TYPE,
                        "compensation",
                        Var.CONTACT_CHANNEL,
                        "platform_message",
                        Var.OPENING_SCRIPT,
                        "您好，我是店铺客服 Ana。我们已经查过您的订单和物流，非常抱歉。",
                        Var.RESOLUTION_STEPS,
                        "1. 今天补发（3 天内送到）。2. 本周检查这一批的包装。",
                        Var.ESCALATE_TO_CRISIS,
                        false));
        return c;
    }

    private static Map<String, Object> contact(String message) {
        return values(
                Var.FOLLOW_UP_MESSAGE,
                message,
                Var.CONTACT_OUTCOME,
                "reached",
                Var.CONTACT_SUMMARY,
                "The customer wants a new mug before the weekend.",
                Var.ESCALATE_TO_CRISIS,
                false);
    }

    private static Map<String, Object> offer(String message) {
        return values(
                Var.COMPENSATION_OPTION_1,
                "full_refund",
                Var.COMPENSATION_OPTION_2,
                "reshipment_gift",
                Var.OFFER_MESSAGE,
                message,
                Var.ESCALATE_TO_CRISIS,
                false);
    }

    /** A message of exactly {@code length} ASCII characters, not ending in a space. */
    private static String filler(int length) {
        String text = "Sorry about the mug! ".repeat(60).substring(0, length);
        assertThat(text).doesNotEndWith(" ");
        return text;
    }

    private static Map<String, Object> values(Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    private List<OutboxEntry> sent(String caseId, MessageKind kind) {
        return outbox.forCase(caseId).stream().filter(m -> m.kind() == kind).toList();
    }

    private OutboxEntry awaitSent(String caseId, MessageKind kind) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        // the job commits "sending" before the platform call and "delivered" after it: wait for the second
        while (sent(caseId, kind).stream().noneMatch(m -> Outbox.DELIVERED.equals(m.status()))) {
            assertThat(System.nanoTime())
                    .as("a " + kind + " is delivered for " + caseId)
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertThat(sent(caseId, kind))
                .singleElement()
                .extracting(OutboxEntry::status)
                .isEqualTo(Outbox.DELIVERED);
        return sent(caseId, kind).get(0);
    }
}
