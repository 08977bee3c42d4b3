package com.complaintdesk.sla;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.triage.TriageConfirmation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyRetier (T6): the case was re-tiered while open; restarts the SLA clocks for the new tier from
 * postedAt and moves every waiting SLA timer to the new deadlines.
 */
@Component
public class ApplyRetierDelegate implements JavaDelegate {

    private final SlaClock clock;

    public ApplyRetierDelegate(SlaClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tier = (String) execution.getVariable(Var.TIER);
        TriageConfirmation.requireValidTier(tier);
        clock.retier(execution, tier);
    }
}
