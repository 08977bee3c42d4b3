package com.complaintdesk.sla;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.springframework.stereotype.Component;

/**
 * Starts and restarts a case's SLA clocks (T1–T4, T6): writes the due dates, computed from the customer's
 * postedAt by {@link DeadlineCalculator}, and the escalation groups into the case's variables. The tier's
 * durations and groups come from the {@code sla-policy} decision, never from code.
 */
@Component
public class SlaClock {

    private final DecisionService decisions;

    public SlaClock(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** Evaluates the latest {@code sla-policy} decision for a tier. */
    public SlaPolicy policyFor(String tier) {
        DmnDecisionResultEntries result = decisions.evaluateDecisionByKey(ComplaintLifecycle.Decision.SLA_POLICY)
                .variables(Variables.createVariables().putValue(Var.TIER, tier))
                .evaluate()
                .getSingleResult();
        if (result == null) {
            throw new IllegalArgumentException("The sla-policy decision has no rule for tier " + tier);
        }
        Map<String, Object> entries = result.getEntryMap();
        return new SlaPolicy(tier, (String) entries.get(Var.FIRST_RESPONSE_WITHIN),
                (String) entries.get(Var.RESOLUTION_WITHIN), (String) entries.get(Var.ESCALATION_GROUPS),
                (String) entries.get(Var.ESCALATE_AGAIN_AFTER), (String) entries.get(Var.SECOND_ESCALATION_GROUPS));
    }

    /** Starts (or restarts) the clocks of the case in {@code scope} for the policy of a tier. */
    public void start(VariableScope scope, SlaPolicy policy) {
        Date postedAt = (Date) scope.getVariable(Var.POSTED_AT);
        scope.setVariable(Var.FIRST_RESPONSE_WITHIN, policy.firstResponseWithin());
        scope.setVariable(Var.RESOLUTION_WITHIN, policy.resolutionWithin());
        scope.setVariable(Var.FIRST_RESPONSE_DUE_AT, DeadlineCalculator.due(postedAt, policy.firstResponseWithin()));
        scope.setVariable(Var.RESOLUTION_DUE_AT, DeadlineCalculator.due(postedAt, policy.resolutionWithin()));
        scope.setVariable(Var.ESCALATION_GROUPS, policy.escalationGroups());
        scope.setVariable(Var.CLOCK_TIER, policy.tier());
    }

    /** T6: restarts the clocks for a new tier unless they already run for it; true when they were restarted. */
    public boolean retier(VariableScope scope, String tier) {
        if (tier.equals(scope.getVariable(Var.CLOCK_TIER))) {
            return false;
        }
        start(scope, policyFor(tier));
        return true;
    }
}
