package com.complaintdesk.closure;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordResolution (T2, F7): the problem is solved; the case record keeps when. */
@Component
public class RecordResolutionDelegate implements JavaDelegate {

    private final CaseRecords cases;

    public RecordResolutionDelegate(CaseRecords cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.recordResolved(EngineClock.string(execution, Var.CASE_ID), EngineClock.now());
    }
}
