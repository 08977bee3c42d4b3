package com.complaintdesk.triage;

import com.complaintdesk.engine.ProcessExpression;
import com.complaintdesk.intake.CaseFacts;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Tier;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * T1–T6 at the gateways that route on the tier after triage (#15): the tier the application recorded in the case
 * record when the agent confirmed it (Task_ApplyConfirmedTriage) or the case was re-tiered (Task_ApplyRetier), not
 * the {@code tier} variable, which a person could overwrite after those steps.
 */
@Component("caseTriage")
public class CaseTriage {

    private final CaseFacts cases;

    public CaseTriage(CaseFacts cases) {
        this.cases = cases;
    }

    /** The case's recorded tier; a process whose case has no recorded tier fails here rather than guess. */
    public String tier(DelegateExecution execution) {
        return cases.forProcessInstance(execution.getProcessInstanceId())
                .map(CaseFacts.Facts::tier)
                .filter(Tier.ALL::contains)
                .orElseThrow(() -> new IllegalStateException(
                        "The case of process instance " + execution.getProcessInstanceId() + " has no recorded tier"));
    }

    /** T1, T5: the recorded tier is a crisis. */
    @ProcessExpression("T1: the case's recorded (confirmed or re-tiered) tier is T1, a crisis")
    public boolean isCrisis(DelegateExecution execution) {
        return Tier.CRISIS.equals(tier(execution));
    }

    /** A4: T1 and T2 cases get a retrospective. */
    @ProcessExpression("A4: the case's recorded tier is T1 or T2, so it gets a retrospective")
    public boolean needsRetrospective(DelegateExecution execution) {
        String tier = tier(execution);
        return Tier.CRISIS.equals(tier) || Tier.IMPORTANT.equals(tier);
    }
}
