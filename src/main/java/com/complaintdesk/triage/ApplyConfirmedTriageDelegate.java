package com.complaintdesk.triage;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.lifecycle.EngineClock;
import com.complaintdesk.sla.SlaClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyConfirmedTriage: applies the agent's confirmation: "escalate to crisis" makes the case T1 (T5), a tier
 * other than the one the clocks run for restarts them from postedAt and moves the timers (T6), and the case
 * record gets the confirmed tier and category.
 */
@Component
public class ApplyConfirmedTriageDelegate implements JavaDelegate {

    private final SlaClock clock;
    private final CaseRecords cases;

    public ApplyConfirmedTriageDelegate(SlaClock clock, CaseRecords cases) {
        this.clock = clock;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tier = TriageConfirmation.effectiveTier(
                (String) execution.getVariable(Var.TIER), execution.getVariable(Var.ESCALATE_TO_CRISIS));
        execution.setVariable(Var.TIER, tier);
        execution.setVariable(Var.ESCALATE_TO_CRISIS, false);
        execution.setVariable(Var.TRIAGED_BY, EngineClock.actor(execution));
        clock.retier(execution, tier);
        cases.recordTriage(EngineClock.string(execution, Var.CASE_ID), tier, EngineClock.string(execution, Var.CATEGORY));
    }
}
