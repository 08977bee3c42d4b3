package com.complaintdesk.closure;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordRetrospective (A4): the T1/T2 retrospective's findings are kept with the case. */
@Component
public class RecordRetrospectiveDelegate implements JavaDelegate {

    private final Retrospectives retrospectives;

    public RecordRetrospectiveDelegate(Retrospectives retrospectives) {
        this.retrospectives = retrospectives;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // runs in the step that completes the retrospective, so the acting user is the one who held it
        String heldBy = EngineClock.actor(execution);
        retrospectives.record(
                EngineClock.string(execution, Var.CASE_ID),
                EngineClock.string(execution, Var.RETROSPECTIVE_CAUSE),
                EngineClock.string(execution, Var.RETROSPECTIVE_FINDINGS),
                EngineClock.string(execution, Var.RETROSPECTIVE_ACTION),
                Boolean.TRUE.equals(execution.getVariable(Var.TRAINING_CASE)),
                heldBy,
                EngineClock.now());
    }
}
