package com.complaintdesk.abuse;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyExtortionReview (E6): the supervisor's decision on a suspected case. {@code guard} puts the case on the
 * guarded path: every compensation needs a supervisor, none above what the customer paid ({@code compensationCap}),
 * and no review update request that could look like a deal. {@code clear} leaves it on the normal path.
 */
@Component
public class ApplyExtortionReviewDelegate implements JavaDelegate {

    public static final String GUARD = "guard";
    public static final String CLEAR = "clear";

    private final ExtortionAssessments assessments;

    public ApplyExtortionReviewDelegate(ExtortionAssessments assessments) {
        this.assessments = assessments;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String decision = EngineClock.string(execution, Var.EXTORTION_REVIEW_DECISION);
        boolean guarded = GUARD.equals(decision);
        boolean report = guarded && Boolean.TRUE.equals(execution.getVariable(Var.REPORT_TO_PLATFORM));
        execution.setVariable(Var.EXTORTION_GUARDED, guarded);
        execution.setVariable(Var.REPORT_TO_PLATFORM, report);
        execution.setVariable(Var.COMPENSATION_CAP, guarded ? compensationCap(execution) : null);
        assessments.recordReview(
                EngineClock.string(execution, Var.CASE_ID),
                decision,
                report,
                EngineClock.string(execution, Var.EXTORTION_REVIEW_NOTE),
                EngineClock.actor(execution),
                EngineClock.now());
    }

    /** E6: what the customer paid for the order (else for the product); 0 when the case knows no price. */
    static double compensationCap(DelegateExecution execution) {
        for (String name : java.util.List.of(Var.ORDER_VALUE, Var.PRODUCT_PRICE)) {
            if (execution.getVariable(name) instanceof Number n) {
                return n.doubleValue();
            }
        }
        return 0;
    }
}
