package com.complaintdesk.insights;

import static com.complaintdesk.insights.ComplaintInsights.Var;

import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordDigestReview (A3): what the product team takes up from the digest is kept with it. */
@Component
public class RecordDigestReviewDelegate implements JavaDelegate {

    private final ProductDigests digests;

    public RecordDigestReviewDelegate(ProductDigests digests) {
        this.digests = digests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        digests.recordReview(
                EngineClock.string(execution, Var.QUARTER),
                EngineClock.string(execution, Var.DIGEST_TAKEN_UP),
                EngineClock.string(execution, Var.DIGEST_NOTES),
                EngineClock.actor(execution),
                EngineClock.now());
    }
}
