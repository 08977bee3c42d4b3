package com.complaintdesk.support;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * T3, P1–P6, F1–F7, R2, R4: an improvement idea under an Instagram post, the shortest whole case of the playbook (seven
 * user tasks, no compensation), as an agent submits each step in Tasklist. Shared by the timeline's tests and the
 * benchmark, which work it through the running application.
 */
public final class GeneralSuggestionCase {

    public static final String REPLY_APOLOGY =
            "Mia, thank you so much for the kind words and for taking the time to share this idea with us.";

    private GeneralSuggestionCase() {}

    /** One user task of the case and the form values submitted for it. */
    public record Step(String taskKey, Map<String, Object> values) {}

    /** The complaint as it arrives over {@code POST /api/complaints}, with a new external id. */
    public static Map<String, Object> complaint() {
        Map<String, Object> body = SampleComplaint.body(
                "instagram",
                "ig-" + UUID.randomUUID(),
                30,
                "Love the mug, but I wish it came with a lid. Please add a bamboo lid option, it would be nice for the office.",
                "en");
        SampleComplaint.child(body, "order").put("promisedDelivery", "2026-11-20");
        return body;
    }

    /** Every step from triage to closure, in order. */
    public static List<Step> steps() {
        return List.of(
                new Step(
                        Activity.CONFIRM_TRIAGE,
                        Tasklist.values(
                                Var.TIER,
                                "T3",
                                Var.CATEGORY,
                                "suggestion",
                                Var.ESCALATE_TO_CRISIS,
                                false,
                                Var.TRIAGE_NOTE,
                                "Product idea: a lid for the 350 ml mug.")),
                new Step(
                        Activity.DRAFT_REPLY,
                        Tasklist.values(
                                Var.REPLY_APOLOGY,
                                REPLY_APOLOGY,
                                Var.REPLY_CAUSE,
                                "Right now the 350 ml mug is sold without a lid, because we designed it for the table rather than the desk.",
                                Var.REPLY_SOLUTION,
                                "We have passed your bamboo lid idea to our design team today; they review ideas every quarter.",
                                Var.REPLY_INVITATION,
                                "We have sent you a direct message so you can tell us a bit more about how you would use it.",
                                Var.ESCALATE_TO_CRISIS,
                                false)),
                new Step(
                        Activity.PREPARE_FOLLOW_UP,
                        Tasklist.values(
                                Var.FOLLOW_UP_FINDINGS,
                                "Regular customer, four orders; no earlier complaints, this is a product idea.",
                                Var.ROOT_CAUSE,
                                "other",
                                Var.CUSTOMER_TYPE,
                                "apology",
                                Var.CONTACT_CHANNEL,
                                "platform_message",
                                Var.OPENING_SCRIPT,
                                "Hi Mia, this is Ana from the shop's customer care. We have passed your lid idea to our design team already.",
                                Var.RESOLUTION_STEPS,
                                "1. Design team reviews the idea this quarter. 2. We tell you by message if a lid comes out.",
                                Var.ESCALATE_TO_CRISIS,
                                false)),
                new Step(
                        Activity.CONTACT_CUSTOMER,
                        Tasklist.values(
                                Var.FOLLOW_UP_MESSAGE,
                                "Hi Mia, this is Ana from customer care. Thanks again for the lid idea; our design team will look at it this quarter and we will let you know.",
                                Var.CONTACT_OUTCOME,
                                "reached",
                                Var.CONTACT_SUMMARY,
                                "Mia would use the lid to keep coffee warm at her desk.",
                                Var.ESCALATE_TO_CRISIS,
                                false)),
                new Step(
                        Activity.CONFIRM_RESOLUTION,
                        Tasklist.values(
                                Var.PROBLEM_RESOLVED,
                                "yes",
                                Var.CUSTOMER_SATISFIED,
                                "yes",
                                Var.RESOLUTION_SUMMARY,
                                "Idea recorded for the design team; Mia thanked us.",
                                Var.ESCALATE_TO_CRISIS,
                                false)),
                new Step(
                        Activity.RECORD_REVIEW_OUTCOME,
                        Tasklist.values(Var.REVIEW_OUTCOME, "declined", Var.ESCALATE_TO_CRISIS, false)),
                new Step(
                        Activity.CLOSE_CASE,
                        Tasklist.values(
                                Var.ROOT_CAUSE,
                                "other",
                                Var.RESOLUTION_SUMMARY,
                                "Product idea (bamboo lid) passed to the design team; customer thanked.",
                                Var.CUSTOMER_SATISFACTION,
                                "satisfied",
                                Var.ESCALATE_TO_CRISIS,
                                false)));
    }
}
