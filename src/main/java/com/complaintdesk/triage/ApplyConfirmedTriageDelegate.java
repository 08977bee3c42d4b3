package com.complaintdesk.triage;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.evidence.OrderSnapshots;
import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.lifecycle.EngineClock;
import com.complaintdesk.sla.SlaClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyConfirmedTriage: applies the agent's confirmation: "escalate to crisis" makes the case T1 (T5), a tier
 * other than the one the clocks run for restarts them from postedAt and moves the timers (T6), and the case
 * record gets the confirmed tier and category. The order and logistics data the case holds are kept as evidence (X4).
 */
@Component
public class ApplyConfirmedTriageDelegate implements JavaDelegate {

    private final SlaClock clock;
    private final CaseRecords cases;
    private final OrderSnapshots orderSnapshots;

    public ApplyConfirmedTriageDelegate(SlaClock clock, CaseRecords cases, OrderSnapshots orderSnapshots) {
        this.clock = clock;
        this.cases = cases;
        this.orderSnapshots = orderSnapshots;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tier = TriageConfirmation.effectiveTier(
                (String) execution.getVariable(Var.TIER), execution.getVariable(Var.ESCALATE_TO_CRISIS));
        execution.setVariable(Var.TIER, tier);
        execution.setVariable(Var.ESCALATE_TO_CRISIS, false);
        execution.setVariable(Var.TRIAGED_BY, EngineClock.actor(execution));
        clock.retier(execution, tier);
        // Before the case record: evidence first, in the order every writer of a case takes its locks.
        orderSnapshots.preserve(execution, OrderSnapshots.TRIAGE);
        cases.recordTriage(
                EngineClock.string(execution, Var.CASE_ID), tier, EngineClock.string(execution, Var.CATEGORY));
    }
}
