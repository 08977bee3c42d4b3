package com.complaintdesk.lifecycle;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.complaintdesk.support.CaseDriver;
import com.complaintdesk.support.ProcessTestBase;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

/**
 * Issue #15: values that decide a path are derived on the server at the gateway that uses them, so "someone" who
 * writes a process variable ({@code runtimeService.setVariable}, as {@code PUT /engine-rest/…/variables/…} would)
 * changes no path: not the approval limit (C1), the guard (E6), the tier (T1), the offer (C2) nor a deadline (T4).
 */
class ServerDerivedPathsProcessTest extends ProcessTestBase {

    static final String DAMAGE = "The mug arrived broken, the box was crushed.";
    static final String SAFETY = "The power bank started smoking while charging, it almost caught fire. Dangerous!";
    static final String EXTORTION =
            "The mug arrived broken. Add me on WhatsApp and pay me 50 USD, or I post more reviews.";

    private CaseDriver start(String text, double orderValue) {
        return CaseDriver.start(
                processEngine,
                "instagram",
                text,
                "en",
                "Europe/Berlin",
                POSTED_AT,
                Map.of(Var.ORDER_VALUE, orderValue));
    }

    /** Triage T2 packaging damage (policy limit 100), first reply, follow-up: waiting at the offer. */
    private static CaseDriver toOffer(CaseDriver c) {
        c.triage("T2", "packaging_damage").draftReply().run(Activity.PUBLISH_REPLY);
        c.prepareFollowUp("logistics", "compensation").contactCustomer();
        assertThat(c.instance).isWaitingAt(Activity.OFFER_COMPENSATION);
        return c;
    }

    private void someoneSets(CaseDriver c, String name, Object value) {
        processEngine.getRuntimeService().setVariable(c.instance.getId(), name, value);
    }

    private static CaseDriver offerWithCosts(CaseDriver c, double fullRefund, double reshipment) {
        return c.complete(
                        Activity.OFFER_COMPENSATION,
                        Var.COMPENSATION_OPTION_1,
                        "full_refund",
                        Var.COMPENSATION_AMOUNT_1,
                        fullRefund,
                        Var.COMPENSATION_OPTION_2,
                        "reshipment",
                        Var.COMPENSATION_AMOUNT_2,
                        reshipment,
                        Var.OFFER_MESSAGE,
                        "We are sorry. Please choose:",
                        Var.ESCALATE_TO_CRISIS,
                        false)
                .run(Activity.SEND_COMPENSATION_OFFER);
    }

    @Test
    void aRaisedApprovalLimitVariableDoesNotLetFiveThousandOnAThirtyEightFiftyOrderPassWithoutASupervisor() {
        CaseDriver c = toOffer(start(DAMAGE, 38.5));
        assertThat(((Number) c.variable(Var.APPROVAL_LIMIT)).doubleValue()).isEqualTo(100.0);
        c.offer("full_refund", "reshipment");

        someoneSets(c, Var.APPROVAL_LIMIT, 1_000_000.0);
        someoneSets(c, Var.EXTORTION_GUARDED, false);
        c.customerChooses("full_refund", 5000.0);

        assertThat(c.instance).isWaitingAt(Activity.APPROVE_COMPENSATION).hasNotPassed(Activity.EXECUTE_COMPENSATION);
    }

    @Test
    void withinTheRealPolicyLimitTheChoiceStillGoesStraightToExecution() {
        CaseDriver c = toOffer(start(DAMAGE, 38.5));
        c.offer("full_refund", "reshipment");
        someoneSets(c, Var.APPROVAL_LIMIT, 0.0);
        c.customerChooses("full_refund", 38.5);

        assertThat(c.instance).hasNotPassed(Activity.APPROVE_COMPENSATION).isWaitingAt(Activity.EXECUTE_COMPENSATION);
    }

    @Test
    void aTierVariableLoweredAfterTriageDoesNotLowerTheLimitsTier() {
        // T1 crisis would allow 200; the case is T2 packaging damage (100) in its record
        CaseDriver c = toOffer(start(DAMAGE, 150.0));
        c.offer("full_refund", "reshipment");
        someoneSets(c, Var.TIER, "T1");
        someoneSets(c, Var.CATEGORY, "safety");
        c.customerChooses("full_refund", 150.0);

        assertThat(c.instance).isWaitingAt(Activity.APPROVE_COMPENSATION);
    }

    @Test
    void aGuardedCaseStaysGuardedWhenSomeoneClearsTheVariables() {
        Map<String, Object> facts = new HashMap<>();
        facts.put(Var.CUSTOMER_ACCOUNT_CREATED, Date.from(POSTED_AT.minus(Duration.ofDays(5))));
        facts.put(Var.SHOP_OPENED_ON, Date.from(POSTED_AT.minus(Duration.ofDays(30))));
        facts.put(Var.PRODUCT_PRICE, 9.9);
        facts.put(Var.ORDER_VALUE, 9.9);
        facts.put(Var.PRODUCT_FRAGILE, true);
        facts.put(Var.SHIPPING_REMOTE, true);
        CaseDriver c = CaseDriver.start(processEngine, "instagram", EXTORTION, "en", "Europe/Berlin", POSTED_AT, facts);
        c.triage("T2", "packaging_damage").draftReply().run(Activity.PUBLISH_REPLY);
        c.prepareFollowUp("logistics", "compensation").contactCustomer();
        c.complete(
                Activity.REVIEW_EXTORTION_RISK,
                Var.EXTORTION_REVIEW_DECISION,
                "guard",
                Var.REPORT_TO_PLATFORM,
                false,
                Var.EXTORTION_REVIEW_NOTE,
                "Typical pattern.");
        assertThat(c.instance).isWaitingAt(Activity.OFFER_COMPENSATION);
        c.offer("full_refund", "reshipment");

        someoneSets(c, Var.EXTORTION_GUARDED, false);
        someoneSets(c, Var.APPROVAL_LIMIT, 1_000_000.0);
        c.customerChooses("full_refund", 9.9);
        // E6: a supervisor approves every payment on the guarded path
        assertThat(c.instance).isWaitingAt(Activity.APPROVE_COMPENSATION);
        c.complete(Activity.APPROVE_COMPENSATION, Var.COMPENSATION_DECISION, "approve")
                .run(Activity.EXECUTE_COMPENSATION);

        someoneSets(c, Var.EXTORTION_GUARDED, false);
        c.confirmResolution("yes", "yes");
        // R2, E6: still no review update request that could look like a deal
        assertThat(c.instance).hasNotPassed(Activity.PLAN_REVIEW_REQUEST).isWaitingAt(Activity.CLOSE_CASE);
        assertThat(fixture.sentKinds()).doesNotContain("REVIEW_REQUEST");
    }

    @Test
    void aReviewDecisionVariableSetBeforeCompensationDoesNotSkipTheSupervisorsReview() {
        Map<String, Object> facts = new HashMap<>();
        facts.put(Var.CUSTOMER_ACCOUNT_CREATED, Date.from(POSTED_AT.minus(Duration.ofDays(5))));
        facts.put(Var.SHOP_OPENED_ON, Date.from(POSTED_AT.minus(Duration.ofDays(30))));
        facts.put(Var.PRODUCT_FRAGILE, true);
        facts.put(Var.SHIPPING_REMOTE, true);
        facts.put(Var.ORDER_VALUE, 9.9);
        CaseDriver c = CaseDriver.start(processEngine, "instagram", EXTORTION, "en", "Europe/Berlin", POSTED_AT, facts);
        c.triage("T2", "packaging_damage").draftReply().run(Activity.PUBLISH_REPLY);
        c.prepareFollowUp("logistics", "compensation");
        someoneSets(c, Var.EXTORTION_REVIEW_DECISION, "clear");
        c.contactCustomer();

        assertThat(c.instance).isWaitingAt(Activity.REVIEW_EXTORTION_RISK);
    }

    @Test
    void aChosenAmountOtherThanTheOfferedCostGoesToApproval() {
        CaseDriver c = toOffer(start(DAMAGE, 80.0));
        offerWithCosts(c, 20.0, 15.0);
        // within the limit of 100, but not what the offer said full_refund costs
        c.customerChooses("full_refund", 30.0);

        assertThat(c.instance).isWaitingAt(Activity.APPROVE_COMPENSATION);
    }

    @Test
    void anOfferCostRaisedAfterTheOfferWasSentGoesToApproval() {
        CaseDriver c = toOffer(start(DAMAGE, 80.0));
        offerWithCosts(c, 20.0, 15.0);
        someoneSets(c, Var.COMPENSATION_AMOUNT_1, 90.0);
        c.customerChooses("full_refund", 90.0);

        assertThat(c.instance).isWaitingAt(Activity.APPROVE_COMPENSATION);
    }

    @Test
    void anOptionAddedAfterTheOfferWasSentGoesToApproval() {
        CaseDriver c = toOffer(start(DAMAGE, 80.0));
        offerWithCosts(c, 20.0, 15.0);
        someoneSets(c, Var.COMPENSATION_OPTION_3, "gift");
        c.customerChooses("gift", 10.0);

        assertThat(c.instance).isWaitingAt(Activity.APPROVE_COMPENSATION);
    }

    @Test
    void theOfferedCostWithinTheLimitGoesStraightToExecution() {
        CaseDriver c = toOffer(start(DAMAGE, 80.0));
        offerWithCosts(c, 20.0, 15.0);
        c.customerChooses("reshipment", 15.0);

        assertThat(c.instance).hasNotPassed(Activity.APPROVE_COMPENSATION).isWaitingAt(Activity.EXECUTE_COMPENSATION);
    }

    @Test
    void anOverwrittenDeadlineVariableDoesNotMoveTheTimer() {
        CaseDriver c = start(DAMAGE, 80.0);
        Job firstResponse = c.job(Activity.FIRST_RESPONSE_DUE);
        Job resolution = c.job(Activity.RESOLUTION_DUE);
        Job secondBreach = c.job(Activity.FIRST_RESPONSE_SECOND_BREACH);
        Date later = Date.from(POSTED_AT.plus(Duration.ofDays(365)));
        for (String name : new String[] {
            Var.FIRST_RESPONSE_DUE_AT,
            Var.RESOLUTION_DUE_AT,
            Var.FIRST_RESPONSE_SECOND_DUE_AT,
            Var.RESOLUTION_SECOND_DUE_AT
        }) {
            someoneSets(c, name, later);
        }
        for (Job job : new Job[] {firstResponse, resolution, secondBreach}) {
            processEngine.getManagementService().recalculateJobDuedate(job.getId(), false);
        }

        assertThat(c.job(Activity.FIRST_RESPONSE_DUE).getDuedate())
                .isEqualTo(firstResponse.getDuedate())
                .isBefore(later);
        assertThat(c.job(Activity.RESOLUTION_DUE).getDuedate())
                .isEqualTo(resolution.getDuedate())
                .isBefore(later);
        assertThat(c.job(Activity.FIRST_RESPONSE_SECOND_BREACH).getDuedate())
                .isEqualTo(secondBreach.getDuedate())
                .isBefore(later);
    }

    @Test
    void aRetierStillMovesTheTimersToTheNewTiersDeadline() {
        CaseDriver c = start(DAMAGE, 80.0);
        Date before = c.job(Activity.FIRST_RESPONSE_DUE).getDuedate();
        c.triage("T1", "safety");

        Date after = c.job(Activity.FIRST_RESPONSE_DUE).getDuedate();
        assertThat(after).isBefore(before).isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(1))));
    }

    @Test
    void aCrisisReplyNeedsApprovalWhenSomeoneLowersTheTierVariable() {
        CaseDriver c = CaseDriver.start(processEngine, "instagram", SAFETY, "en", "Europe/Berlin", POSTED_AT);
        c.triage("T1", "safety");
        someoneSets(c, Var.TIER, "T3");
        c.draftReply();

        assertThat(c.instance).isWaitingAt(Activity.APPROVE_REPLY);
        assertThat(c.candidateGroups(Activity.APPROVE_REPLY)).containsExactly("legal", "supervisors");
    }
}
