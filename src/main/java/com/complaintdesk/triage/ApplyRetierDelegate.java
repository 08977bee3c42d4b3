package com.complaintdesk.triage;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.lifecycle.EngineClock;
import com.complaintdesk.sla.SlaClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyRetier (T6): the case was re-tiered while open (a decision of triage, which owns the tier); restarts the SLA clocks for the new tier from
 * postedAt, moves every waiting SLA timer to the new deadlines, and the case record gets the new tier.
 */
@Component
public class ApplyRetierDelegate implements JavaDelegate {

    private final SlaClock clock;
    private final CaseRecords cases;

    public ApplyRetierDelegate(SlaClock clock, CaseRecords cases) {
        this.clock = clock;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tier = (String) execution.getVariable(Var.TIER);
        TriageConfirmation.requireValidTier(tier);
        clock.retier(execution, tier);
        cases.recordTriage(
                EngineClock.string(execution, Var.CASE_ID), tier, EngineClock.string(execution, Var.CATEGORY));
    }
}
