package com.complaintdesk.lifecycle;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.crisis.ComplaintCrisis;
import com.complaintdesk.support.CaseDriver;
import com.complaintdesk.support.ProcessTestBase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every path of processes/complaint-lifecycle.bpmn, with the delegates the application uses. */
class ComplaintLifecycleProcessTest extends ProcessTestBase {

    static final String BERLIN = "Europe/Berlin";

    static final String GENERAL = "Lovely sweater. Just an idea: would be nice to have a care label.";
    static final String QUALITY = "The zipper is broken after one day, poor quality.";
    static final String SAFETY = "The power bank started smoking while charging, it almost caught fire. Dangerous!";

    private CaseDriver start(String channel, String text) {
        return CaseDriver.start(processEngine, channel, text, "en", BERLIN, POSTED_AT);
    }

    private long crisisInstances() {
        return processEngine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ComplaintCrisis.PROCESS_KEY)
                .count();
    }

    // ---------------------------------------------------------------- whole cases

    @Test
    void generalInstagramCommentGoesFromTriageToClosureWithNoCompensationNoRetrospectiveAndOneReviewRequest() {
        CaseDriver c = start("instagram", GENERAL);
        assertThat(c.instance)
                .isWaitingAt(Activity.CONFIRM_TRIAGE)
                .variables()
                .containsEntry(Var.SUGGESTED_TIER, "T3")
                .containsEntry(Var.CASE_WORKERS, "agents,supervisors");

        c.triage("T3", "suggestion");
        assertThat(c.instance)
                .isWaitingAt(Activity.DRAFT_REPLY)
                .variables()
                .containsEntry(Var.REPLY_SURFACE, "public")
                .containsKey(Var.REPLY_APOLOGY)
                .containsKey(Var.OPENING_SCRIPT);
        c.draftReply();
        assertThat(c.instance).hasPassed(Activity.CHECK_REPLY_RED_LINES).isWaitingAt(Activity.PUBLISH_REPLY);
        c.run(Activity.PUBLISH_REPLY);
        assertThat(c.instance).hasPassed(Activity.END_FIRST_RESPONSE_GIVEN).isWaitingAt(Activity.PREPARE_FOLLOW_UP);

        c.prepareFollowUp("other", "apology").contactCustomer();
        // T3 without a wish for compensation: the decision suggests none (C1), so nothing is offered
        assertThat(c.instance)
                .hasPassed(Activity.SUGGEST_COMPENSATION)
                .hasNotPassed(Activity.OFFER_COMPENSATION)
                .isWaitingAt(Activity.CONFIRM_RESOLUTION);
        c.confirmResolution("yes", "yes");
        assertThat(c.instance).hasPassed(Activity.RECORD_RESOLUTION).isWaitingAt(Activity.REVIEW_REQUEST_COOL_OFF);
        // R2, F6: a day's cool-off, then a good hour in Berlin
        assertThat(c.job(Activity.REVIEW_REQUEST_COOL_OFF).getDuedate())
                .isEqualTo(Date.from(NOW.plus(Duration.ofHours(24))));
        c.run(Activity.REVIEW_REQUEST_COOL_OFF).run(Activity.SEND_REVIEW_UPDATE_REQUEST);
        c.complete(Activity.RECORD_REVIEW_OUTCOME, Var.REVIEW_OUTCOME, "updated", Var.ESCALATE_TO_CRISIS, false);
        c.close("other");

        assertThat(c.instance).isEnded().hasPassed(Activity.END_CASE_CLOSED).hasNotPassed(Activity.HOLD_RETROSPECTIVE);
        assertThat(fixture.sentKinds()).containsExactly("REPLY", "PRIVATE_MESSAGE", "REVIEW_REQUEST");
        assertThat(fixture.sent.get(0).surface()).isEqualTo("public");
        assertThat(fixture.sent.get(2).text()).isEqualTo(c.variable(Var.REVIEW_REQUEST_TEXT));
        verify(fixture.cases).recordFirstResponse(eq("case-" + Math.abs(GENERAL.hashCode())), any());
        verify(fixture.cases).recordReviewOutcome("case-" + Math.abs(GENERAL.hashCode()), "updated");
        verify(fixture.cases)
                .recordClosure(eq("case-" + Math.abs(GENERAL.hashCode())), eq("other"), any(), eq("satisfied"), any());
        assertThat(fixture.clockEventNames())
                .containsExactly(
                        "first_response:started", "resolution:started", "first_response:stopped", "resolution:stopped");
        assertThat(crisisInstances()).isZero();
    }

    @Test
    void importantQualityComplaintGetsCompensationWithinTheLimitAndARetrospective() {
        CaseDriver c = start("ebay", QUALITY);
        c.triage("T2", "quality").draftReply().run(Activity.PUBLISH_REPLY);
        c.prepareFollowUp("quality", "compensation").contactCustomer();

        assertThat(c.instance)
                .isWaitingAt(Activity.OFFER_COMPENSATION)
                .variables()
                .containsEntry(Var.COMPENSATION_OPTION_1, "full_refund")
                .containsEntry(Var.COMPENSATION_OPTION_2, "reshipment_gift")
                .containsEntry(Var.APPROVAL_LIMIT, 100.0);
        c.offer("full_refund", "reshipment_gift").customerChooses("reshipment_gift", 80.0);
        assertThat(c.instance).hasNotPassed(Activity.APPROVE_COMPENSATION).isWaitingAt(Activity.EXECUTE_COMPENSATION);
        c.run(Activity.EXECUTE_COMPENSATION);
        c.confirmResolution("yes", "no");
        // R2: the customer is not satisfied, so nobody asks them to update the review
        assertThat(c.instance).hasNotPassed(Activity.PLAN_REVIEW_REQUEST).isWaitingAt(Activity.CLOSE_CASE);
        c.close("quality");
        assertThat(c.instance).isWaitingAt(Activity.HOLD_RETROSPECTIVE);
        assertThat(c.candidateGroups(Activity.HOLD_RETROSPECTIVE)).containsExactly("supervisors");
        c.complete(
                Activity.HOLD_RETROSPECTIVE,
                Var.RETROSPECTIVE_CAUSE,
                "systemic",
                Var.RETROSPECTIVE_FINDINGS,
                "Zippers of batch 12 fail after a day.",
                Var.RETROSPECTIVE_ACTION,
                "Supplier changes the zipper; QA samples each batch.",
                Var.TRAINING_CASE,
                true);

        assertThat(c.instance).isEnded().hasPassed(Activity.RECORD_RETROSPECTIVE, Activity.END_CASE_CLOSED);
        assertThat(fixture.sentKinds())
                .containsExactly("REPLY", "PRIVATE_MESSAGE", "COMPENSATION_OFFER", "REMEDY", "REMEDY");
        assertThat(fixture.sent.get(2).text()).contains("1. Full refund").contains("2. Replacement plus a small gift");
        assertThat(fixture.sent.subList(3, 5))
                .extracting(OutboundMessage::text)
                .anySatisfy(t -> assertThat(t).startsWith("reshipment for order ord-1: 80.00 USD"))
                .anySatisfy(t -> assertThat(t).startsWith("gift for order ord-1"));
        verify(fixture.cases)
                .recordCompensation(
                        eq("case-" + Math.abs(QUALITY.hashCode())),
                        eq("reshipment_gift"),
                        eq(new BigDecimal("80.00")),
                        eq("USD"));
        verify(fixture.retrospectives)
                .record(
                        eq("case-" + Math.abs(QUALITY.hashCode())),
                        eq("systemic"),
                        any(),
                        any(),
                        eq(true),
                        any(),
                        any());
    }

    @Test
    void crisisIsDeclaredOnceTakenOverBySupervisorsAndItsReplyNeedsApprovalBeforePublishing() {
        CaseDriver c = start("wechat", SAFETY);
        c.triage("T1", "safety");

        assertThat(c.instance).hasPassed(Activity.DECLARE_CRISIS).isWaitingAt(Activity.DRAFT_REPLY);
        assertThat(crisisInstances()).isOne();
        assertThat(c.candidateGroups(Activity.DRAFT_REPLY)).containsExactly("supervisors");
        c.draftReply();
        assertThat(c.instance).isWaitingAt(Activity.APPROVE_REPLY);
        assertThat(c.candidateGroups(Activity.APPROVE_REPLY)).containsExactly("legal", "supervisors");

        c.complete(
                Activity.APPROVE_REPLY,
                Var.REPLY_DECISION,
                "reject",
                Var.REPLY_REVIEW_NOTE,
                "Say exactly when the replacement ships.");
        assertThat(c.instance)
                .isWaitingAt(Activity.DRAFT_REPLY)
                .variables()
                .containsEntry(Var.REPLY_REVIEW_NOTE, "Say exactly when the replacement ships.");
        c.complete(
                Activity.DRAFT_REPLY, Var.REPLY_SOLUTION, "We ship a safe replacement today, it arrives by Thursday.");
        c.complete(Activity.APPROVE_REPLY, Var.REPLY_DECISION, "approve");
        c.run(Activity.PUBLISH_REPLY);

        assertThat(c.instance).hasPassed(Activity.END_FIRST_RESPONSE_GIVEN).isWaitingAt(Activity.PREPARE_FOLLOW_UP);
        assertThat(fixture.sentKinds()).containsExactly("REPLY");
        assertThat(fixture.sent.get(0).text()).contains("We ship a safe replacement today, it arrives by Thursday.");
        assertThat(crisisInstances()).as("declared once").isOne();
    }

    @Test
    void aReplySentBackWithoutANoteIsRefusedAndTheApprovalStaysOpen() {
        CaseDriver c = start("wechat", SAFETY);
        c.triage("T1", "safety").draftReply();
        String taskId = c.task(Activity.APPROVE_REPLY).getId();

        assertThatThrownBy(() -> processEngine
                        .getFormService()
                        .submitTaskForm(taskId, CaseDriver.map(Var.REPLY_DECISION, "reject")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("replyReviewNote is required when sending back")
                .hasRootCauseInstanceOf(FormFieldValidationException.class);
        assertThat(c.instance).isWaitingAt(Activity.APPROVE_REPLY);
    }

    @Test
    void aSecondSendBackNeedsANoteOfItsOwn() {
        // each round of approval starts clean: the last round's decision and note are in the history, not on the form
        CaseDriver c = start("wechat", SAFETY);
        c.triage("T1", "safety").draftReply();
        c.complete(
                Activity.APPROVE_REPLY,
                Var.REPLY_DECISION,
                "reject",
                Var.REPLY_REVIEW_NOTE,
                "Name the date of the refund.");
        c.complete(Activity.DRAFT_REPLY, Var.REPLY_SOLUTION, "We refund you in full today; you see it within 3 days.");

        assertThat(c.instance)
                .isWaitingAt(Activity.APPROVE_REPLY)
                .variables()
                .containsEntry(Var.REPLY_REVIEW_NOTE, null)
                .containsEntry(Var.REPLY_DECISION, null);
        assertThatThrownBy(() -> c.complete(Activity.APPROVE_REPLY, Var.REPLY_DECISION, "reject"))
                .hasMessageContaining("replyReviewNote is required when sending back");
    }

    @Test
    void templatesComeWithTheCustomersNameFilledInAndARemainingBlankIsRefused() {
        // P6: the template is a start; what the case knows is filled in, the rest is the agent's to write
        CaseDriver c = start("instagram", QUALITY);
        c.triage("T2", "quality");
        String apology = (String) processEngine.getRuntimeService().getVariable(c.instance.getId(), Var.REPLY_APOLOGY);
        assertThat(apology).contains("Lin").doesNotContain("[name]");
        assertThat((String) processEngine.getRuntimeService().getVariable(c.instance.getId(), Var.REPLY_SOLUTION))
                .containsPattern("\\[[^]]+]");

        assertThatThrownBy(() -> c.complete(Activity.DRAFT_REPLY, Var.ESCALATE_TO_CRISIS, false))
                .hasMessageContaining("still has blanks to fill in");
        assertThat(c.instance).isWaitingAt(Activity.DRAFT_REPLY);
        assertThat(fixture.sent).isEmpty();
    }

    // ---------------------------------------------------------------- red lines (X3, P5)

    @Test
    void aReplyCrossingARedLineIsSentBackWithTheReasonsAndAWarningGoesToLegal() {
        CaseDriver c = start("instagram", QUALITY);
        c.triage("T2", "quality");
        c.draftReply("Honestly, it's your fault: you misused the zipper.");

        assertThat(c.instance)
                .hasPassed(Activity.CHECK_REPLY_RED_LINES)
                .isWaitingAt(Activity.DRAFT_REPLY)
                .variables()
                .containsEntry(Var.RED_LINE_BLOCKED, true);
        assertThat((String) c.variable(Var.RED_LINE_REASONS))
                .contains("BLOCKED")
                .contains("your fault");
        assertThat(fixture.sent).isEmpty();

        c.complete(
                Activity.DRAFT_REPLY,
                Var.REPLY_CAUSE,
                "We checked: this batch of zippers is faulty. A lawyer reviewed our returns policy.");
        assertThat(c.instance)
                .isWaitingAt(Activity.APPROVE_REPLY)
                .variables()
                .containsEntry(Var.RED_LINE_BLOCKED, false)
                .containsEntry(Var.RED_LINE_WARNED, true);
        assertThat(c.candidateGroups(Activity.APPROVE_REPLY)).containsExactly("legal");
        c.complete(Activity.APPROVE_REPLY, Var.REPLY_DECISION, "approve").run(Activity.PUBLISH_REPLY);
        assertThat(fixture.sentKinds()).containsExactly("REPLY");
    }

    // ---------------------------------------------------------------- private follow-up (F6)

    @Test
    void atNightInTheCustomersTimeZoneTheContactWaitsForTheirMorning() {
        CaseDriver c = CaseDriver.start(processEngine, "email", QUALITY, "en", "America/Los_Angeles", POSTED_AT);
        c.triage("T2", "quality");
        assertThat(c.instance).variables().containsEntry(Var.REPLY_SURFACE, "private");
        c.draftReply().run(Activity.PUBLISH_REPLY).prepareFollowUp("quality", "compensation");

        // 08:10 UTC is 00:10 in Los Angeles: wait until 09:00 there (17:00 UTC)
        assertThat(c.instance).isWaitingAt(Activity.WAIT_FOR_CUSTOMER_DAYTIME);
        assertThat(c.job(Activity.WAIT_FOR_CUSTOMER_DAYTIME).getDuedate())
                .isEqualTo(Date.from(Instant.parse("2025-03-01T17:00:00Z")));
        assertThat(fixture.sent.get(0).surface()).isEqualTo("private");
        c.run(Activity.WAIT_FOR_CUSTOMER_DAYTIME);
        assertThat(c.instance)
                .isWaitingAt(Activity.CONTACT_CUSTOMER)
                .variables()
                .containsEntry(Var.CUSTOMER_LOCAL_TIME, "2025-03-01 09:00 (America/Los_Angeles)");
    }

    @Test
    void anUnsolvedProblemGoesBackToTheFollowUp() {
        CaseDriver c = start("instagram", GENERAL);
        c.triage("T3", "suggestion").draftReply().run(Activity.PUBLISH_REPLY);
        c.prepareFollowUp("other", "apology").contactCustomer().confirmResolution("no", "no");

        assertThat(c.instance).isWaitingAt(Activity.PREPARE_FOLLOW_UP).hasNotPassed(Activity.RECORD_RESOLUTION);
    }

    // ---------------------------------------------------------------- compensation (C1–C4)

    @Test
    void compensationAboveTheLimitNeedsASupervisorWhoCanSendTheOfferBack() {
        CaseDriver c = start("ebay", QUALITY);
        c.triage("T2", "quality").draftReply().run(Activity.PUBLISH_REPLY);
        c.prepareFollowUp("quality", "compensation").contactCustomer();
        c.offer("full_refund", "reshipment_gift").customerChooses("full_refund", 180.0);

        assertThat(c.instance).isWaitingAt(Activity.APPROVE_COMPENSATION);
        assertThat(c.candidateGroups(Activity.APPROVE_COMPENSATION)).containsExactly("supervisors");
        c.complete(
                Activity.APPROVE_COMPENSATION,
                Var.COMPENSATION_DECISION,
                "reject",
                Var.COMPENSATION_REVIEW_NOTE,
                "The order was 80 USD: offer at most a full refund of 80.");
        assertThat(c.instance).isWaitingAt(Activity.OFFER_COMPENSATION);

        c.offer("full_refund", "coupon").customerChooses("full_refund", 150.0);
        c.complete(Activity.APPROVE_COMPENSATION, Var.COMPENSATION_DECISION, "approve");
        c.run(Activity.EXECUTE_COMPENSATION);
        assertThat(c.instance).isWaitingAt(Activity.CONFIRM_RESOLUTION);
        assertThat(fixture.sentKinds())
                .containsExactly("REPLY", "PRIVATE_MESSAGE", "COMPENSATION_OFFER", "COMPENSATION_OFFER", "REMEDY");
    }

    @Test
    void aCustomerWhoWantsNoCompensationGetsNone() {
        CaseDriver c = start("ebay", QUALITY);
        c.triage("T2", "quality").draftReply().run(Activity.PUBLISH_REPLY);
        c.prepareFollowUp("quality", "compensation").contactCustomer();
        c.offer("full_refund", "reshipment_gift").customerChooses("declined", 0);

        assertThat(c.instance).hasNotPassed(Activity.EXECUTE_COMPENSATION).isWaitingAt(Activity.CONFIRM_RESOLUTION);
        assertThat(fixture.sentKinds()).doesNotContain("REMEDY");
    }

    @Test
    void anOfferMustHaveTwoDifferentOptionsAndTheChoiceMustBeOneOfThem() {
        CaseDriver c = start("ebay", QUALITY);
        c.triage("T2", "quality").draftReply().run(Activity.PUBLISH_REPLY);
        c.prepareFollowUp("quality", "compensation").contactCustomer();

        assertThatThrownBy(() -> c.complete(
                        Activity.OFFER_COMPENSATION,
                        Var.COMPENSATION_OPTION_1,
                        "coupon",
                        Var.COMPENSATION_OPTION_2,
                        "coupon",
                        Var.OFFER_MESSAGE,
                        "Please choose one of these options for you."))
                .hasMessageContaining("must differ from the other options");
        c.offer("full_refund", "coupon");
        assertThatThrownBy(() -> c.customerChooses("gift", 5))
                .hasMessageContaining("must be one of the options offered");
        assertThat(c.instance).isWaitingAt(Activity.RECORD_CUSTOMER_CHOICE);
    }

    @Test
    void aCustomerWhoDoesNotChooseGetsOneReminderAndTheChoiceStaysOpen() {
        CaseDriver c = start("ebay", QUALITY);
        c.triage("T2", "quality").draftReply().run(Activity.PUBLISH_REPLY);
        c.prepareFollowUp("quality", "compensation").contactCustomer();
        c.offer("full_refund", "reshipment_gift");

        assertThat(c.job(Activity.CUSTOMER_CHOICE_REMINDER).getDuedate())
                .isEqualTo(Date.from(NOW.plus(Duration.ofHours(48))));
        c.run(Activity.CUSTOMER_CHOICE_REMINDER).run(Activity.SEND_CHOICE_REMINDER);

        assertThat(c.instance).isWaitingAt(Activity.RECORD_CUSTOMER_CHOICE);
        assertThat(fixture.sentKinds()).endsWith("COMPENSATION_OFFER", "REMINDER");
        assertThat(fixture.sent.get(fixture.sent.size() - 1).text()).contains("1. Full refund");
    }

    @Test
    void theOfferAndItsReminderCarryTheSameSignedChoiceLinkAndAnOfferSentAgainANewOne() {
        CaseDriver c = start("ebay", QUALITY);
        c.triage("T2", "quality").draftReply().run(Activity.PUBLISH_REPLY);
        c.prepareFollowUp("quality", "compensation").contactCustomer();
        c.offer("full_refund", "reshipment_gift");
        String offer = fixture.sent.get(fixture.sent.size() - 1).text();
        c.run(Activity.CUSTOMER_CHOICE_REMINDER).run(Activity.SEND_CHOICE_REMINDER);
        String reminder = fixture.sent.get(fixture.sent.size() - 1).text();

        String link = choiceLink(offer);
        assertThat(offer).contains("Choose here (the link works once, for 7 days): https://desk.example.com/choice/");
        assertThat(choiceLink(reminder)).isEqualTo(link);
        com.complaintdesk.compensation.ChoiceLinks.Reading reading =
                fixture.choiceLinks.read(link.substring(link.lastIndexOf('/') + 1));
        assertThat(reading.valid()).isTrue();
        assertThat(reading.token().caseId()).isEqualTo("case-" + Math.abs(QUALITY.hashCode()));
        assertThat(reading.token().offerId()).isEqualTo(c.variable(Var.CHOICE_OFFER_ID));
        assertThat(reading.token().expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));

        // sent back by a supervisor and offered again: a new offer, a new link
        c.customerChooses("full_refund", 180.0);
        c.complete(
                Activity.APPROVE_COMPENSATION,
                Var.COMPENSATION_DECISION,
                "reject",
                Var.COMPENSATION_REVIEW_NOTE,
                "The order was 80 USD: offer at most a full refund of 80.");
        c.offer("full_refund", "coupon");
        assertThat(choiceLink(fixture.sent.get(fixture.sent.size() - 1).text())).isNotEqualTo(link);
    }

    private static String choiceLink(String text) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https://desk\\.example\\.com/choice/\\S+")
                .matcher(text);
        assertThat(link.find()).as(text).isTrue();
        return link.group();
    }

    // ---------------------------------------------------------------- review update request (R1–R5)

    @Test
    void noAnswerToTheReviewRequestEndsTheWaitWithoutASecondRequest() {
        CaseDriver c = resolvedAndSatisfied("instagram");
        c.run(Activity.REVIEW_REQUEST_COOL_OFF).run(Activity.SEND_REVIEW_UPDATE_REQUEST);
        assertThat(c.job(Activity.REVIEW_OUTCOME_TIMEOUT).getDuedate())
                .isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));

        c.run(Activity.REVIEW_OUTCOME_TIMEOUT);

        assertThat(c.instance)
                .isWaitingAt(Activity.CLOSE_CASE)
                .variables()
                .containsEntry(Var.REVIEW_OUTCOME, "no_answer");
        assertThat(fixture.sentKinds().stream().filter("REVIEW_REQUEST"::equals))
                .hasSize(1);
    }

    @Test
    void theChannelCanReportTheReviewOutcome() {
        CaseDriver c = resolvedAndSatisfied("ebay");
        c.run(Activity.REVIEW_REQUEST_COOL_OFF).run(Activity.SEND_REVIEW_UPDATE_REQUEST);

        processEngine
                .getRuntimeService()
                .createMessageCorrelation(ComplaintLifecycle.Message.REVIEW_OUTCOME)
                .processInstanceId(c.instance.getId())
                .setVariable(Var.REVIEW_OUTCOME, "declined")
                .correlateWithResult();

        assertThat(c.instance)
                .hasPassed(Activity.REVIEW_OUTCOME_RECEIVED)
                .isWaitingAt(Activity.CLOSE_CASE)
                .variables()
                .containsEntry(Var.REVIEW_OUTCOME, "declined");
    }

    @Test
    void aComplaintByEmailHasNoReviewToUpdate() {
        CaseDriver c = resolvedAndSatisfied("email");
        assertThat(c.instance).hasNotPassed(Activity.PLAN_REVIEW_REQUEST).isWaitingAt(Activity.CLOSE_CASE);
    }

    private CaseDriver resolvedAndSatisfied(String channel) {
        CaseDriver c = start(channel, GENERAL);
        c.triage("T3", "suggestion").draftReply().run(Activity.PUBLISH_REPLY);
        return c.prepareFollowUp("other", "apology").contactCustomer().confirmResolution("yes", "yes");
    }

    // ---------------------------------------------------------------- SLA clocks (T1–T4, T6)

    @Test
    void aMissedFirstResponseEscalatesToSupervisorsAndThenToOwnersWithoutStoppingTheWork() {
        // T2: due 4 h after the post (08:00), not after the case started (08:10); again 4 h later
        CaseDriver c = start("instagram", QUALITY);
        assertThat(c.job(Activity.FIRST_RESPONSE_DUE).getDuedate())
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(4))));
        assertThat(c.job(Activity.FIRST_RESPONSE_SECOND_BREACH).getDuedate())
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(8))));

        c.run(Activity.FIRST_RESPONSE_DUE);
        assertThat(c.instance).isWaitingAt(Activity.CONFIRM_TRIAGE, Activity.HANDLE_FIRST_RESPONSE_BREACH);
        assertThat(c.candidateGroups(Activity.HANDLE_FIRST_RESPONSE_BREACH)).containsExactly("supervisors");
        assertThat(processEngine
                        .getTaskService()
                        .getVariable(
                                c.task(Activity.HANDLE_FIRST_RESPONSE_BREACH).getId(), Var.BREACH_DUE_AT))
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(4))));

        c.run(Activity.FIRST_RESPONSE_SECOND_BREACH);
        assertThat(c.candidateGroups(Activity.HANDLE_FIRST_RESPONSE_SECOND_BREACH))
                .containsExactly("owners");
        assertThat(fixture.clockEventNames()).contains("first_response:breached", "first_response:second_breach");

        c.complete(Activity.HANDLE_FIRST_RESPONSE_BREACH, Var.BREACH_NOTE, "Called the customer, reply drafted now.");
        assertThat(c.instance).isWaitingAt(Activity.CONFIRM_TRIAGE, Activity.HANDLE_FIRST_RESPONSE_SECOND_BREACH);
    }

    @Test
    void aCrisisFirstResponseBreachGoesToSupervisorsAndOwners() {
        CaseDriver c = start("instagram", SAFETY);
        assertThat(c.job(Activity.FIRST_RESPONSE_DUE).getDuedate())
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(1))));
        c.run(Activity.FIRST_RESPONSE_DUE);
        assertThat(c.candidateGroups(Activity.HANDLE_FIRST_RESPONSE_BREACH)).containsExactly("owners", "supervisors");
    }

    @Test
    void theFirstResponseClockStopsWhenTheReplyIsPublishedAndTheResolutionClockKeepsRunning() {
        CaseDriver c = start("instagram", QUALITY);
        c.triage("T2", "quality").draftReply().run(Activity.PUBLISH_REPLY);

        assertThat(c.job(Activity.FIRST_RESPONSE_DUE)).isNull();
        assertThat(c.job(Activity.RESOLUTION_DUE).getDuedate())
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(24))));
        c.run(Activity.RESOLUTION_DUE);
        assertThat(c.instance).isWaitingAt(Activity.PREPARE_FOLLOW_UP, Activity.HANDLE_RESOLUTION_BREACH);
        c.run(Activity.RESOLUTION_SECOND_BREACH);
        assertThat(c.candidateGroups(Activity.HANDLE_RESOLUTION_SECOND_BREACH)).containsExactly("owners");
        assertThat(fixture.clockEventNames())
                .containsExactly(
                        "first_response:started",
                        "resolution:started",
                        "first_response:stopped",
                        "resolution:breached",
                        "resolution:second_breach");
    }

    @Test
    void aCorrectedTierAtTriageMovesEveryDeadline() {
        CaseDriver c = start("instagram", GENERAL);
        c.triage("T2", "quality");

        assertThat(c.variable(Var.FIRST_RESPONSE_DUE_AT)).isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(4))));
        assertThat(c.job(Activity.FIRST_RESPONSE_DUE).getDuedate())
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(4))));
        assertThat(c.job(Activity.RESOLUTION_DUE).getDuedate())
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(24))));
        assertThat(fixture.clockEventNames()).contains("first_response:restarted", "resolution:restarted");
    }

    @Test
    void aViralCommentReTieredToCrisisMidCaseMovesTheOpenDeadlinesAndDeclaresTheCrisis() {
        CaseDriver c = start("instagram", GENERAL);
        c.triage("T3", "suggestion").draftReply().run(Activity.PUBLISH_REPLY);
        assertThat(c.job(Activity.RESOLUTION_DUE).getDuedate())
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofDays(3))));

        processEngine
                .getRuntimeService()
                .createMessageCorrelation(ComplaintLifecycle.Message.RETIER)
                .processInstanceId(c.instance.getId())
                .setVariable(Var.TIER, "T1")
                .setVariable(Var.RETIER_REASON, "300 shares in an hour")
                .correlateWithResult();

        assertThat(c.instance)
                .hasPassed(Activity.APPLY_RETIER, Activity.DECLARE_RETIERED_CRISIS)
                .isWaitingAt(Activity.PREPARE_FOLLOW_UP);
        assertThat(c.job(Activity.RESOLUTION_DUE).getDuedate())
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(12))));
        verify(fixture.cases).recordTriage("case-" + Math.abs(GENERAL.hashCode()), "T1", "suggestion");
        assertThat(crisisInstances()).isOne();
        assertThat(processEngine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processDefinitionKey(ComplaintCrisis.PROCESS_KEY)
                        .singleResult()
                        .getBusinessKey())
                .isEqualTo(processEngine
                        .getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(c.instance.getId())
                        .singleResult()
                        .getBusinessKey());
    }

    @Test
    void anAgentEscalatesToCrisisInOneStepFromAnyOfTheirTasks() {
        // T5: ticking "escalate to crisis" on the reply draft: no approval in between
        CaseDriver c = start("instagram", QUALITY);
        c.triage("T2", "quality");
        c.complete(
                Activity.DRAFT_REPLY,
                Var.REPLY_APOLOGY,
                "Lin, we are very sorry, and thank you for telling us.",
                Var.REPLY_CAUSE,
                "We are checking this zipper batch right now.",
                Var.REPLY_SOLUTION,
                "We replace it today and call you within the hour.",
                Var.REPLY_INVITATION,
                "We have sent you a direct message.",
                Var.ESCALATE_TO_CRISIS,
                true);

        assertThat(c.variable(Var.TIER)).isEqualTo("T1");
        assertThat(crisisInstances()).isOne();
        assertThat(c.job(Activity.FIRST_RESPONSE_DUE).getDuedate())
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(1))));
        // the draft is now a crisis reply: it needs approval
        assertThat(c.instance).isWaitingAt(Activity.APPROVE_REPLY);
        assertThat(c.variable(Var.ESCALATE_TO_CRISIS)).isEqualTo(false);
    }

    @Test
    void escalatingToCrisisAtTriageMakesTheCaseT1() {
        CaseDriver c = start("instagram", GENERAL);
        c.complete(Activity.CONFIRM_TRIAGE, Var.TIER, "T3", Var.CATEGORY, "other", Var.ESCALATE_TO_CRISIS, true);

        assertThat(c.instance).hasPassed(Activity.DECLARE_CRISIS);
        assertThat(c.variable(Var.TIER)).isEqualTo("T1");
        assertThat(crisisInstances()).isOne();
    }

    @Test
    void invalidTierOrCategoryIsRefusedAndTheTaskStaysOpen() {
        CaseDriver c = start("instagram", GENERAL);
        String taskId = c.task(Activity.CONFIRM_TRIAGE).getId();

        assertThatThrownBy(() -> processEngine
                        .getFormService()
                        .submitTaskForm(taskId, CaseDriver.map(Var.TIER, "T9", Var.CATEGORY, "quality")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Tier must be one of [T1, T2, T3] but was 'T9'")
                .hasRootCauseInstanceOf(FormFieldValidationException.class);

        assertThat(c.instance).isWaitingAt(Activity.CONFIRM_TRIAGE).variables().containsEntry(Var.TIER, "T3");
    }

    @Test
    void everyAsynchronousStepIsAJobSoAFailureNeverLosesTheApprovedText() {
        CaseDriver c = start("instagram", QUALITY);
        c.triage("T2", "quality").draftReply();
        ProcessInstance instance = c.instance;
        assertThat(c.job(Activity.PUBLISH_REPLY))
                .as("publishing waits as a job")
                .isNotNull();
        assertThat(processEngine.getRuntimeService().getVariable(instance.getId(), Var.REPLY_APOLOGY))
                .isNotNull();
        assertThat(fixture.sent).isEmpty();
    }
}
