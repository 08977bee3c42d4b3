package com.complaintdesk.closure;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.evidence.OrderSnapshots;
import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordClosure (A1): the closed case, its root cause, resolution, satisfaction and review outcome, for
 * analytics; the order and logistics data as the case ends are kept as evidence (X4).
 */
@Component
public class RecordClosureDelegate implements JavaDelegate {

    private final CaseRecords cases;
    private final OrderSnapshots orderSnapshots;

    public RecordClosureDelegate(CaseRecords cases, OrderSnapshots orderSnapshots) {
        this.cases = cases;
        this.orderSnapshots = orderSnapshots;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = EngineClock.string(execution, Var.CASE_ID);
        // Before the case record: evidence first, in the order every writer of a case takes its locks.
        orderSnapshots.preserve(execution, OrderSnapshots.CLOSURE);
        String outcome = EngineClock.string(execution, Var.REVIEW_OUTCOME);
        if (outcome != null) {
            cases.recordReviewOutcome(caseId, outcome);
        }
        cases.recordClosure(
                caseId,
                EngineClock.string(execution, Var.ROOT_CAUSE),
                EngineClock.string(execution, Var.RESOLUTION_SUMMARY),
                EngineClock.string(execution, Var.CUSTOMER_SATISFACTION),
                EngineClock.now());
    }
}
