package com.complaintdesk.crisis;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Tier;
import com.complaintdesk.lifecycle.EngineClock;
import com.complaintdesk.sla.SlaClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * T5 from any of the agent's tasks: completing a task with "Escalate to crisis now" ticked makes the case T1 in
 * that same step, with no approval in between: the clocks restart for T1, the timers move, and the supervisors
 * get the crisis response; the case record gets T1.
 */
@Component
public class EscalateToCrisisListener implements TaskListener {

    private final SlaClock clock;
    private final CrisisDeclaration declaration;
    private final CaseRecords cases;

    public EscalateToCrisisListener(SlaClock clock, CrisisDeclaration declaration, CaseRecords cases) {
        this.clock = clock;
        this.declaration = declaration;
        this.cases = cases;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!Boolean.TRUE.equals(task.getVariable(Var.ESCALATE_TO_CRISIS))) {
            return;
        }
        DelegateExecution execution = task.getExecution();
        execution.setVariable(Var.ESCALATE_TO_CRISIS, false);
        execution.setVariable(Var.TIER, Tier.CRISIS);
        clock.retier(execution, Tier.CRISIS);
        // the gateways after this step route on the case record's tier (#15)
        cases.recordTier(EngineClock.string(execution, Var.CASE_ID), Tier.CRISIS);
        declaration.declare(execution, "Escalated from \"" + task.getName() + "\"");
    }
}
