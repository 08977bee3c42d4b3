package com.complaintdesk.insights;

import static com.complaintdesk.insights.ComplaintInsights.Var;

import com.complaintdesk.lifecycle.EngineClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordSystemicFixDecision (A2): the owners' decision is kept on the fix, and its category is free again. */
@Component
public class RecordSystemicFixDecisionDelegate implements JavaDelegate {

    private final StreakAlerts alerts;

    public RecordSystemicFixDecisionDelegate(StreakAlerts alerts) {
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // runs in the step that completes the owners' task, so the acting user is the one who decided
        alerts.decide(
                EngineClock.string(execution, Var.SYSTEMIC_FIX_ID),
                EngineClock.string(execution, Var.SYSTEMIC_FIX_DECISION),
                EngineClock.string(execution, Var.SYSTEMIC_FIX_CHANGE),
                EngineClock.string(execution, Var.SYSTEMIC_FIX_OWNER),
                LocalDate.parse(EngineClock.string(execution, Var.SYSTEMIC_FIX_DUE_ON)),
                EngineClock.actor(execution),
                EngineClock.now());
    }
}
