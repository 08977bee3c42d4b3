package com.complaintdesk.triage;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.sla.SlaClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyConfirmedTriage: applies the agent's confirmation: "escalate to crisis" makes the case T1 (T5), and
 * a tier other than the one the clocks run for restarts them from postedAt (T6).
 */
@Component
public class ApplyConfirmedTriageDelegate implements JavaDelegate {

    private final SlaClock clock;

    public ApplyConfirmedTriageDelegate(SlaClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tier = TriageConfirmation.effectiveTier(
                (String) execution.getVariable(Var.TIER), execution.getVariable(Var.ESCALATE_TO_CRISIS));
        execution.setVariable(Var.TIER, tier);
        clock.retier(execution, tier);
    }
}
