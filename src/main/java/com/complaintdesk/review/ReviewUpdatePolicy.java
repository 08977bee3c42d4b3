package com.complaintdesk.review;

import com.complaintdesk.abuse.ExtortionGuard;
import com.complaintdesk.engine.ProcessExpression;
import com.complaintdesk.intake.CaseFacts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * R2, R3, E6 at Gateway_AskForReviewUpdate (#15): whether this case may be asked for a review update at all, from
 * what the server owns: the case's channel has a public review to revise (the case record), and no supervisor put
 * the case on the guarded path (the stored extortion review). Not from {@code publicSurface} or
 * {@code extortionGuarded}, which a person could overwrite. Whether the customer is satisfied is the agent's answer
 * on Task_ConfirmResolution, the step just before.
 */
@Component("reviewUpdatePolicy")
public class ReviewUpdatePolicy {

    private final CaseFacts cases;
    private final ExtortionGuard guard;

    public ReviewUpdatePolicy(CaseFacts cases, ExtortionGuard guard) {
        this.cases = cases;
        this.guard = guard;
    }

    @ProcessExpression("R2, R3, E6: the case's channel has a revisable public review and the case is not guarded")
    public boolean mayAsk(DelegateExecution execution) {
        boolean publicSurface = cases.forProcessInstance(execution.getProcessInstanceId())
                .map(CaseFacts.Facts::publicSurface)
                .orElse(false);
        return publicSurface && !guard.guarded(execution);
    }
}
