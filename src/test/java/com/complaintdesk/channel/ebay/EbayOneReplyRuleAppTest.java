package com.complaintdesk.channel.ebay;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.channel.OutboxEntry;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.TasklistUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * P1–P4 on eBay: one reply per feedback. The lifecycle never drafts a second reply (the model test shows it), so the
 * case is moved back to the draft as a process owner would in Cockpit, after its reply was published.
 */
class EbayOneReplyRuleAppTest extends EbayAppTestBase {

    @Autowired
    TestRestTemplate http;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService taskService;

    @Autowired
    HistoryService history;

    @Autowired
    Outbox outbox;

    @Test
    void
            anotherReplyToAnAnsweredFeedbackIsRefusedWithWhatWasPublishedAndThePublishedOneGoesOnWithoutPostingAgain_P1toP4() {
        TasklistUser ana = new TasklistUser(http, "ana");
        Tasklist.Opened c = ana.open(SampleComplaint.body("ebay", feedbackId(), 20, "Mug arrived broken.", "en"));
        ana.work(
                c.processInstanceId(),
                Activity.CONFIRM_TRIAGE,
                Map.of(Var.TIER, "T2", Var.CATEGORY, "quality", Var.ESCALATE_TO_CRISIS, false));
        Map<String, Object> published =
                reply("Sorry, and thank you.", "Box too thin.", "New mug ships today.", "See eBay messages.");
        ana.work(c.processInstanceId(), Activity.DRAFT_REPLY, published);
        ana.awaitTask(c.processInstanceId(), Activity.PREPARE_FOLLOW_UP); // the reply is published
        OutboxEntry first = replies(c.caseId()).get(0);
        assertThat(replies(c.caseId())).containsExactly(first);
        assertThat(first.status()).isEqualTo(Outbox.DELIVERED);
        assertThat(first.text())
                .isEqualTo("Sorry, and thank you.\n\nBox too thin.\n\nNew mug ships today.\n\nSee eBay messages.");

        runtime.createProcessInstanceModification(c.processInstanceId())
                .startBeforeActivity(Activity.DRAFT_REPLY)
                .execute();
        String draft = ana.awaitTask(c.processInstanceId(), Activity.DRAFT_REPLY);
        ana.claim(draft);
        ResponseEntity<JsonNode> refused = ana.submitForm(
                draft, reply("Sorry again, thanks.", "Box too thin.", "Coupon comes too.", "See eBay messages."));

        assertThat(refused.getStatusCode())
                .as(String.valueOf(refused.getBody()))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors")).singleElement().satisfies(error -> {
            assertThat(error.path("field").asText()).isEqualTo(Var.REPLY_APOLOGY);
            assertThat(error.path("message").asText())
                    .contains(
                            "eBay allows one reply per feedback",
                            "already answered on "
                                    + first.deliveredAt()
                                            .withOffsetSameInstant(ZoneOffset.UTC)
                                            .toLocalDate(),
                            "\"Sorry, and thank you.\n\nBox too thin.\n\nNew mug ships today.\n\nSee eBay messages.\"",
                            "submit it unchanged",
                            "it is not posted again",
                            "private message");
        });
        assertThat(taskService.createTaskQuery().taskId(draft).count())
                .as("the draft is still open")
                .isOne();
        assertThat(taskService.getVariables(draft))
                .as("the form shows the reply as published")
                .containsAllEntriesOf(Map.of(
                        Var.REPLY_APOLOGY,
                        "Sorry, and thank you.",
                        Var.REPLY_CAUSE,
                        "Box too thin.",
                        Var.REPLY_SOLUTION,
                        "New mug ships today.",
                        Var.REPLY_INVITATION,
                        "See eBay messages."));

        ResponseEntity<JsonNode> accepted = ana.submitForm(draft, published);

        assertThat(accepted.getStatusCode())
                .as(String.valueOf(accepted.getBody()))
                .isEqualTo(HttpStatus.NO_CONTENT);
        awaitPublished(c.processInstanceId(), 2);
        assertThat(replies(c.caseId())).as("nothing posted again").hasSize(1);
    }

    private List<OutboxEntry> replies(String caseId) {
        return outbox.forCase(caseId).stream()
                .filter(m -> m.kind() == MessageKind.REPLY)
                .toList();
    }

    private void awaitPublished(String processInstanceId, int times) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (history.createHistoricActivityInstanceQuery()
                        .processInstanceId(processInstanceId)
                        .activityId(Activity.PUBLISH_REPLY)
                        .finished()
                        .count()
                < times) {
            assertThat(System.nanoTime())
                    .as("publishing ran " + times + " times")
                    .isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static Map<String, Object> reply(String apology, String cause, String solution, String invitation) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Var.REPLY_APOLOGY, apology);
        values.put(Var.REPLY_CAUSE, cause);
        values.put(Var.REPLY_SOLUTION, solution);
        values.put(Var.REPLY_INVITATION, invitation);
        values.put(Var.ESCALATE_TO_CRISIS, false);
        return values;
    }
}
