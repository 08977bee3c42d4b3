package com.complaintdesk.abuse;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.support.CaseDriver;
import com.complaintdesk.support.ProcessTestBase;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/**
 * The extortion-reviewer defence in processes/complaint-lifecycle.bpmn (E1–E6), over labelled cases: a clear
 * extortion takes the guarded path; an innocent new customer and a genuine damage claim on a fragile item go the
 * normal way, and so does a suspected case a supervisor clears. No innocent case is held from normal compensation.
 */
class ExtortionDefenceProcessTest extends ProcessTestBase {

    static final String EXTORTION =
            "The mug arrived broken. Add me on WhatsApp and pay me 50 USD, or I post more reviews.";
    static final String NEW_CUSTOMER = "The sweater I ordered arrived in the wrong size, I would like the right one.";
    static final String DAMAGE = "The mug arrived broken, the box was crushed.";

    /** E1–E5 all present: a five-day-old account, a month-old shop, a 9.90 fragile mug to a remote address. */
    private CaseDriver clearExtortion(String text) {
        return start(text, facts(5, 30, 9.9, true, true));
    }

    private CaseDriver start(String text, Map<String, Object> facts) {
        return CaseDriver.start(processEngine, "instagram", text, "en", "Europe/Berlin", POSTED_AT, facts);
    }

    private static Map<String, Object> facts(
            int accountAgeDays, int shopAgeDays, double price, boolean fragile, boolean remote) {
        Map<String, Object> v = new HashMap<>();
        v.put(Var.CUSTOMER_ACCOUNT_CREATED, Date.from(POSTED_AT.minus(Duration.ofDays(accountAgeDays))));
        v.put(Var.SHOP_OPENED_ON, Date.from(POSTED_AT.minus(Duration.ofDays(shopAgeDays))));
        v.put(Var.PRODUCT_PRICE, price);
        v.put(Var.ORDER_VALUE, price);
        v.put(Var.PRODUCT_FRAGILE, fragile);
        v.put(Var.SHIPPING_REMOTE, remote);
        return v;
    }

    /** Triage, first reply and follow-up, as an agent does them. */
    private static CaseDriver toCompensation(CaseDriver c) {
        c.triage("T2", "packaging_damage").draftReply().run(Activity.PUBLISH_REPLY);
        return c.prepareFollowUp("logistics", "compensation").contactCustomer();
    }

    private String caseId(String text) {
        return "case-" + Math.abs(text.hashCode());
    }

    @Test
    void aClearExtortionIsScoredAtTriageWithTheSignalsThatFired() {
        CaseDriver c = clearExtortion(EXTORTION);

        assertThat(c.instance)
                .isWaitingAt(Activity.CONFIRM_TRIAGE)
                .hasPassed(Activity.ASSESS_EXTORTION_RISK)
                .variables()
                .containsEntry(Var.EXTORTION_SCORE, 95)
                .containsEntry(Var.EXTORTION_SIGNALS, "E1,E2,E3,E4,E5")
                .containsEntry(Var.EXTORTION_SUSPECTED, true)
                .containsEntry(Var.OFF_PLATFORM_PHRASES, "Add me on WhatsApp");
        verify(fixture.assessments)
                .record(argThat(a -> a.caseId().equals(caseId(EXTORTION))
                        && a.step().equals("triage")
                        && a.score() == 95
                        && a.signals().equals("E1,E2,E3,E4,E5")
                        && a.threshold() == 60
                        && a.suspected()));
    }

    @Test
    void aClearExtortionTakesTheGuardedPathCappedApprovedReportedAndWithoutReviewRequest() {
        CaseDriver c = toCompensation(clearExtortion(EXTORTION));

        // E6: evidence first, then a supervisor decides before any option is offered
        assertThat(c.instance)
                .isWaitingAt(Activity.REVIEW_EXTORTION_RISK)
                .hasPassed(Activity.PRESERVE_EXTORTION_EVIDENCE)
                .hasNotPassed(Activity.SUGGEST_COMPENSATION);
        assertThat(c.candidateGroups(Activity.REVIEW_EXTORTION_RISK)).containsExactly("supervisors");
        verify(fixture.evidence)
                .preserve(
                        eq(caseId(EXTORTION)),
                        eq(PreserveExtortionEvidenceDelegate.KIND),
                        contains("Add me on WhatsApp"),
                        any(),
                        any());
        verify(fixture.evidence).preserve(eq(caseId(EXTORTION)), eq("conversation"), any(), any(), any());

        c.complete(
                Activity.REVIEW_EXTORTION_RISK,
                Var.EXTORTION_REVIEW_DECISION,
                "guard",
                Var.REPORT_TO_PLATFORM,
                true,
                Var.EXTORTION_REVIEW_NOTE,
                "New account, asks for cash on WhatsApp, remote address: typical pattern.");
        c.run(Activity.REPORT_TO_PLATFORM);
        OutboundMessage report = fixture.sent.get(fixture.sent.size() - 1);
        assertThat(report.kind()).isEqualTo(MessageKind.REPORT_TO_PLATFORM);
        assertThat(report.surface()).isEqualTo(OutboundMessage.ACTION);
        assertThat(report.text()).contains("E1,E2,E3,E4,E5").contains("typical pattern");
        verify(fixture.assessments).recordReview(eq(caseId(EXTORTION)), eq("guard"), eq(true), any(), any(), any());

        assertThat(c.instance)
                .isWaitingAt(Activity.OFFER_COMPENSATION)
                .variables()
                .containsEntry(Var.EXTORTION_GUARDED, true)
                .containsEntry(Var.COMPENSATION_CAP, 9.9);
        assertThat(((Number) c.variable(Var.APPROVAL_LIMIT)).doubleValue()).isZero();
        c.offer("full_refund", "reshipment");

        // E6: never more than the customer paid, whoever records it
        assertThatThrownBy(() -> c.customerChooses("full_refund", 50.0))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("compensationAmount")
                .hasMessageContaining("E6");
        assertThat(c.instance).isWaitingAt(Activity.RECORD_CUSTOMER_CHOICE);
        c.customerChooses("full_refund", 9.9);
        // a supervisor approves every payment on the guarded path
        assertThat(c.instance).isWaitingAt(Activity.APPROVE_COMPENSATION);
        c.complete(Activity.APPROVE_COMPENSATION, Var.COMPENSATION_DECISION, "approve")
                .run(Activity.EXECUTE_COMPENSATION);

        // R2, E6: satisfied or not, no review update request that could look like a deal
        c.confirmResolution("yes", "yes");
        assertThat(c.instance).hasNotPassed(Activity.PLAN_REVIEW_REQUEST).isWaitingAt(Activity.CLOSE_CASE);
        assertThat(fixture.sentKinds()).doesNotContain("REVIEW_REQUEST");
    }

    @Test
    void anInnocentNewCustomerGetsTheNormalCompensationAndReviewRequest() {
        // E1 and E3 only: a three-day-old account in a shop opened 40 days ago, an ordinary 45.00 sweater
        CaseDriver c = toCompensation(start(NEW_CUSTOMER, facts(3, 40, 45.0, false, false)));

        assertThat(c.instance)
                .isWaitingAt(Activity.OFFER_COMPENSATION)
                .hasNotPassed(Activity.REVIEW_EXTORTION_RISK)
                .hasNotPassed(Activity.PRESERVE_EXTORTION_EVIDENCE)
                .variables()
                .containsEntry(Var.EXTORTION_SIGNALS, "E1,E3")
                .containsEntry(Var.EXTORTION_SUSPECTED, false)
                .containsEntry(Var.EXTORTION_GUARDED, false);
        assertNormalCompensationAndReviewRequest(c);
    }

    @Test
    void aGenuineDamageClaimOnACheapFragileItemGetsTheNormalCompensationAndReviewRequest() {
        // E1, E3 and E4: a new customer of a new shop whose 12.00 mug really arrived broken
        CaseDriver c = toCompensation(start(DAMAGE, facts(10, 40, 12.0, true, false)));

        assertThat(c.instance)
                .isWaitingAt(Activity.OFFER_COMPENSATION)
                .hasNotPassed(Activity.REVIEW_EXTORTION_RISK)
                .variables()
                .containsEntry(Var.EXTORTION_SCORE, 50)
                .containsEntry(Var.EXTORTION_SIGNALS, "E1,E3,E4");
        assertNormalCompensationAndReviewRequest(c);
        verify(fixture.evidence, never())
                .preserve(any(), eq(PreserveExtortionEvidenceDelegate.KIND), any(), any(), any());
    }

    @Test
    void aSuspectedCaseTheSupervisorClearsGoesOnTheNormalPath() {
        CaseDriver c = toCompensation(clearExtortion(EXTORTION));
        c.complete(
                Activity.REVIEW_EXTORTION_RISK,
                Var.EXTORTION_REVIEW_DECISION,
                "clear",
                Var.REPORT_TO_PLATFORM,
                true,
                Var.EXTORTION_REVIEW_NOTE,
                "Long-standing buyer on other channels; the photos show real damage.");

        assertThat(c.instance)
                .isWaitingAt(Activity.OFFER_COMPENSATION)
                .hasNotPassed(Activity.REPORT_TO_PLATFORM)
                .variables()
                .containsEntry(Var.EXTORTION_GUARDED, false)
                .containsEntry(Var.REPORT_TO_PLATFORM, false);
        assertNormalCompensationAndReviewRequest(c);
        assertThat(fixture.sentKinds()).doesNotContain("REPORT_TO_PLATFORM");
    }

    @Test
    void aPushOffThePlatformDuringTheFollowUpIsCaughtBeforeCompensation() {
        // at triage E1, E3 and E5: 50 points, below the threshold
        CaseDriver c = start(DAMAGE, facts(5, 30, 45.0, false, true));
        assertThat(c.instance)
                .variables()
                .containsEntry(Var.EXTORTION_SCORE, 50)
                .containsEntry(Var.EXTORTION_SUSPECTED, false);
        c.triage("T2", "packaging_damage").draftReply().run(Activity.PUBLISH_REPLY);
        c.prepareFollowUp("logistics", "compensation");
        c.complete(
                        Activity.CONTACT_CUSTOMER,
                        Var.CONTACT_OUTCOME,
                        "reached",
                        Var.CONTACT_SUMMARY,
                        "He refuses to talk here and says: 加我微信 wx_refund88, or more bad reviews follow.",
                        Var.ESCALATE_TO_CRISIS,
                        false)
                .run(Activity.SEND_FOLLOW_UP_MESSAGE);

        assertThat(c.instance)
                .isWaitingAt(Activity.REVIEW_EXTORTION_RISK)
                .variables()
                .containsEntry(Var.EXTORTION_SCORE, 80)
                .containsEntry(Var.EXTORTION_SIGNALS, "E1,E2,E3,E5");
        verify(fixture.assessments).record(argThat(a -> a.step().equals("compensation") && a.score() == 80));
    }

    @Test
    void theCustomersHistoryInTheShopCounts() {
        org.mockito.Mockito.when(fixture.assessments.history(any(), eq("instagram"), eq("cust-1")))
                .thenReturn(new ExtortionAssessments.History(3, 2));
        CaseDriver c = start(EXTORTION, Map.of());

        assertThat(c.instance)
                .variables()
                .containsEntry(Var.EXTORTION_SIGNALS, "E2,repeat_complaints,many_refunds")
                .containsEntry(Var.EXTORTION_SCORE, 65)
                .containsEntry(Var.EXTORTION_SUSPECTED, true);
    }

    private void assertNormalCompensationAndReviewRequest(CaseDriver c) {
        assertThat(((Number) c.variable(Var.APPROVAL_LIMIT)).doubleValue()).isPositive();
        c.offer("full_refund", "reshipment").customerChooses("reshipment", 5.0);
        assertThat(c.instance).hasNotPassed(Activity.APPROVE_COMPENSATION).isWaitingAt(Activity.EXECUTE_COMPENSATION);
        c.run(Activity.EXECUTE_COMPENSATION).confirmResolution("yes", "yes");
        assertThat(c.instance).hasPassed(Activity.PLAN_REVIEW_REQUEST);
    }
}
