package com.complaintdesk.sla;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_StartFirstResponseClock: turns the durations the sla-policy business rule task produced for the
 * suggested tier into due dates counted from postedAt; Timer_FirstResponseDue waits for firstResponseDueAt (T4).
 */
@Component
public class StartFirstResponseClockDelegate implements JavaDelegate {

    private final SlaClock clock;

    public StartFirstResponseClockDelegate(SlaClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        clock.start(execution, new SlaPolicy(
                (String) execution.getVariable(Var.TIER),
                (String) execution.getVariable(Var.FIRST_RESPONSE_WITHIN),
                (String) execution.getVariable(Var.RESOLUTION_WITHIN),
                (String) execution.getVariable(Var.ESCALATION_GROUPS),
                (String) execution.getVariable(Var.ESCALATE_AGAIN_AFTER),
                (String) execution.getVariable(Var.SECOND_ESCALATION_GROUPS)));
    }
}
