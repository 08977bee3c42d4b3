package com.complaintdesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.Tasklist.Opened;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Whole cases for the timeline's tests, worked through the running application as people do in Tasklist (the same
 * steps as the T3 Instagram case of {@code CaseLifecycleAppTest}).
 */
final class TimelineCases {

    static final String ANA = "ana";
    static final String SAM = "sam";
    static final String TRIAGE_COMMENT = "Customer posted a photo of her desk; idea worth passing on.";
    static final String REPLY_APOLOGY =
            "Mia, thank you so much for the kind words and for taking the time to share this idea with us.";

    private TimelineCases() {}

    /**
     * T3, P1–P6, F1–F7, R2, R4: an improvement idea under an Instagram post, worked by ana from triage to closure; sam, a
     * supervisor, leaves a comment on the triage task before ana confirms it. Returns once the case's process has ended.
     */
    static Opened generalSuggestionOnInstagram(Tasklist tasklist) {
        Map<String, Object> body = SampleComplaint.body("instagram", "ig-" + UUID.randomUUID(), 30,
                "Love the mug, but I wish it came with a lid. Please add a bamboo lid option, it would be nice for the office.", "en");
        SampleComplaint.child(body, "order").put("promisedDelivery", "2026-11-20");
        Opened c = tasklist.open(ANA, body);

        String triage = tasklist.awaitTask(ANA, c.processInstanceId(), Activity.CONFIRM_TRIAGE);
        tasklist.claim(ANA, triage);
        ResponseEntity<JsonNode> comment = tasklist.post(SAM, tasklist.engine("/task/" + triage + "/comment/create"),
                Map.of("message", TRIAGE_COMMENT));
        assertThat(comment.getStatusCode()).as(String.valueOf(comment.getBody())).isEqualTo(HttpStatus.OK);
        tasklist.work(ANA, c.processInstanceId(), Activity.CONFIRM_TRIAGE, Tasklist.values(Var.TIER, "T3",
                Var.CATEGORY, "suggestion", Var.ESCALATE_TO_CRISIS, false, Var.TRIAGE_NOTE,
                "Product idea: a lid for the 350 ml mug."), triage);
        tasklist.work(ANA, c.processInstanceId(), Activity.DRAFT_REPLY, Var.REPLY_APOLOGY, REPLY_APOLOGY,
                Var.REPLY_CAUSE, "Right now the 350 ml mug is sold without a lid, because we designed it for the table rather than the desk.",
                Var.REPLY_SOLUTION, "We have passed your bamboo lid idea to our design team today; they review ideas every quarter.",
                Var.REPLY_INVITATION, "We have sent you a direct message so you can tell us a bit more about how you would use it.",
                Var.ESCALATE_TO_CRISIS, false);
        tasklist.work(ANA, c.processInstanceId(), Activity.PREPARE_FOLLOW_UP, Var.FOLLOW_UP_FINDINGS,
                "Regular customer, four orders; no earlier complaints, this is a product idea.", Var.ROOT_CAUSE, "other",
                Var.CUSTOMER_TYPE, "apology", Var.CONTACT_CHANNEL, "platform_message", Var.OPENING_SCRIPT,
                "Hi Mia, this is Ana from the shop's customer care. We have passed your lid idea to our design team already.",
                Var.RESOLUTION_STEPS, "1. Design team reviews the idea this quarter. 2. We tell you by message if a lid comes out.",
                Var.ESCALATE_TO_CRISIS, false);
        tasklist.work(ANA, c.processInstanceId(), Activity.CONTACT_CUSTOMER, Var.FOLLOW_UP_MESSAGE,
                "Hi Mia, this is Ana from customer care. Thanks again for the lid idea; our design team will look at it this quarter and we will let you know.",
                Var.CONTACT_OUTCOME, "reached", Var.CONTACT_SUMMARY, "Mia would use the lid to keep coffee warm at her desk.",
                Var.ESCALATE_TO_CRISIS, false);
        tasklist.work(ANA, c.processInstanceId(), Activity.CONFIRM_RESOLUTION, Var.PROBLEM_RESOLVED, "yes",
                Var.CUSTOMER_SATISFIED, "yes", Var.RESOLUTION_SUMMARY, "Idea recorded for the design team; Mia thanked us.",
                Var.ESCALATE_TO_CRISIS, false);
        tasklist.work(ANA, c.processInstanceId(), Activity.RECORD_REVIEW_OUTCOME, Var.REVIEW_OUTCOME, "declined",
                Var.ESCALATE_TO_CRISIS, false);
        tasklist.work(ANA, c.processInstanceId(), Activity.CLOSE_CASE, Var.ROOT_CAUSE, "other", Var.RESOLUTION_SUMMARY,
                "Product idea (bamboo lid) passed to the design team; customer thanked.", Var.CUSTOMER_SATISFACTION,
                "satisfied", Var.ESCALATE_TO_CRISIS, false);
        return c;
    }

    /** Waits until the engine's history says the process instance ended. */
    static void awaitEnded(Tasklist tasklist, org.camunda.bpm.engine.HistoryService history, String processInstanceId) {
        tasklist.poll(() -> {
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(processInstanceId).singleResult();
            return instance != null && instance.getEndTime() != null ? instance : null;
        }, () -> processInstanceId + " has not ended");
    }
}
