package com.complaintdesk.abuse;

import com.complaintdesk.engine.ProcessExpression;
import com.complaintdesk.intake.CaseFacts;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * E6 at the gateways that use it (#15): whether a supervisor put the case on the guarded path, and whether the case
 * still waits for that review, from the reviews the application stored ({@code cd_extortion_assessment}), never from
 * the {@code extortionGuarded} or {@code extortionReviewDecision} variables, which a person could overwrite.
 */
@Component("extortionGuard")
public class ExtortionGuard {

    private final ExtortionAssessments assessments;
    private final CaseFacts cases;

    public ExtortionGuard(ExtortionAssessments assessments, CaseFacts cases) {
        this.assessments = assessments;
        this.cases = cases;
    }

    /** E6: true when a supervisor's stored review put the case on the guarded path; a case without a record is guarded. */
    @ProcessExpression("E6: a supervisor put this case on the guarded path (from the stored extortion review)")
    public boolean guarded(DelegateExecution execution) {
        return review(execution)
                .map(ApplyExtortionReviewDelegate.GUARD::equals)
                .orElse(caseId(execution).isEmpty());
    }

    /** E1–E6: true when no supervisor has reviewed the case yet (its stored reviews are none). */
    @ProcessExpression("E1–E6: no supervisor has reviewed this case's extortion risk yet (from the stored reviews)")
    public boolean notYetReviewed(DelegateExecution execution) {
        return review(execution).isEmpty();
    }

    private Optional<String> review(DelegateExecution execution) {
        return caseId(execution).flatMap(assessments::reviewDecision);
    }

    private Optional<String> caseId(DelegateExecution execution) {
        return cases.forProcessInstance(execution.getProcessInstanceId()).map(CaseFacts.Facts::caseId);
    }
}
