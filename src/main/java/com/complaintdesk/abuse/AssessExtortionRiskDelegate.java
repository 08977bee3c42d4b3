package com.complaintdesk.abuse;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.lifecycle.Decisions;
import com.complaintdesk.lifecycle.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_AssessExtortionRisk (at triage) and Task_ReassessExtortionRisk (before compensation, E2 also over what the
 * customer said in the follow-up): derives the inputs of the {@code extortion-risk} decision from the case, sums
 * the points of the rules that fired and compares them with the threshold. Which signal is worth how much is the
 * decision's, not this class's. Every assessment is kept with the case.
 */
@Component
public class AssessExtortionRiskDelegate implements JavaDelegate {

    private final ExtortionAssessments assessments;
    private final AbuseSettings settings;

    public AssessExtortionRiskDelegate(ExtortionAssessments assessments, AbuseSettings settings) {
        this.assessments = assessments;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = EngineClock.now().toInstant();
        String caseId = EngineClock.string(execution, Var.CASE_ID);
        List<String> phrases = OffPlatformContact.find(customerWords(execution));
        ExtortionAssessments.History history = assessments.history(
                caseId, EngineClock.string(execution, Var.CHANNEL), EngineClock.string(execution, Var.CUSTOMER_ID));

        Map<String, Object> inputs = new HashMap<>();
        inputs.put("customerAccountAgeDays", daysSince(execution.getVariable(Var.CUSTOMER_ACCOUNT_CREATED), now));
        inputs.put("offPlatformContact", !phrases.isEmpty());
        inputs.put("shopAgeDays", daysSince(execution.getVariable(Var.SHOP_OPENED_ON), now));
        inputs.put("itemPrice", itemPrice(execution));
        inputs.put("productFragile", Boolean.TRUE.equals(execution.getVariable(Var.PRODUCT_FRAGILE)));
        inputs.put("unusualShippingAddress", unusualAddress(execution));
        inputs.put("priorComplaints", history.priorComplaints());
        inputs.put("priorCompensations", history.priorCompensations());

        int score = 0;
        List<String> signals = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        for (Map<String, Object> rule :
                Decisions.evaluate(execution, ComplaintLifecycle.Decision.EXTORTION_RISK, inputs)) {
            score += rule.get("points") instanceof Number n ? n.intValue() : 0;
            String signal = String.valueOf(rule.get("signal"));
            if (!signals.contains(signal)) {
                signals.add(signal);
            }
            reasons.add(signal + " (+" + rule.get("points") + "): " + rule.get("reason"));
        }
        int threshold = settings.reviewThreshold();
        boolean suspected = score >= threshold;
        execution.setVariable(Var.EXTORTION_SCORE, score);
        execution.setVariable(Var.EXTORTION_SIGNALS, String.join(",", signals));
        execution.setVariable(Var.EXTORTION_REASONS, String.join("\n", reasons));
        execution.setVariable(Var.OFF_PLATFORM_PHRASES, String.join(" | ", phrases));
        execution.setVariable(Var.EXTORTION_THRESHOLD, threshold);
        execution.setVariable(Var.EXTORTION_SUSPECTED, suspected);
        if (execution.getVariable(Var.EXTORTION_GUARDED) == null) {
            execution.setVariable(Var.EXTORTION_GUARDED, false);
        }
        assessments.record(new ExtortionAssessments.Assessment(
                caseId,
                step(execution),
                score,
                String.join(",", signals),
                threshold,
                suspected,
                EngineClock.now(),
                EngineClock.actor(execution)));
    }

    /** What the customer wrote: the complaint, its edited text, and what the agent noted from the follow-up. */
    private static List<String> customerWords(DelegateExecution execution) {
        List<String> texts = new ArrayList<>();
        for (String name : List.of(
                Var.TEXT, Var.COMMENT_EDITED_TEXT, Var.FOLLOW_UP_FINDINGS, Var.CONTACT_SUMMARY, Var.CHOICE_NOTE)) {
            texts.add(EngineClock.string(execution, name));
        }
        return texts;
    }

    private static String step(DelegateExecution execution) {
        return ComplaintLifecycle.Activity.REASSESS_EXTORTION_RISK.equals(execution.getCurrentActivityId())
                ? "compensation"
                : "triage";
    }

    /** Whole days from a date variable to now; null when unknown. */
    static Integer daysSince(Object value, Instant now) {
        if (!(value instanceof Date date)) {
            return null;
        }
        return (int) Math.max(0, Duration.between(date.toInstant(), now).toDays());
    }

    /** E4: the product's price, else the order's value; null when neither is known. */
    private static Double itemPrice(DelegateExecution execution) {
        for (String name : List.of(Var.PRODUCT_PRICE, Var.ORDER_VALUE)) {
            if (execution.getVariable(name) instanceof Number n) {
                return n.doubleValue();
            }
        }
        return null;
    }

    /** E5: flagged remote, or shipped to another country than the shop's. */
    static boolean unusualAddress(DelegateExecution execution) {
        if (Boolean.TRUE.equals(execution.getVariable(Var.SHIPPING_REMOTE))) {
            return true;
        }
        String country = EngineClock.string(execution, Var.SHIPPING_COUNTRY);
        String shop = EngineClock.string(execution, Var.SHOP_COUNTRY);
        return country != null && shop != null && !country.equalsIgnoreCase(shop);
    }
}
