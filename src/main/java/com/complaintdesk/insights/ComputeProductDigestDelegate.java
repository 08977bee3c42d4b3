package com.complaintdesk.insights;

import static com.complaintdesk.insights.ComplaintInsights.Var;

import com.complaintdesk.lifecycle.EngineClock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ComputeProductDigest (A3): the quarter's product feedback digest, stored, and shown on the product team's task. */
@Component
public class ComputeProductDigestDelegate implements JavaDelegate {

    private final ProductDigests digests;

    public ComputeProductDigestDelegate(ProductDigests digests) {
        this.digests = digests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OffsetDateTime now = EngineClock.now();
        ProductDigests.ProductDigest digest =
                digests.compute(digests.quarter(EngineClock.string(execution, Var.QUARTER), now));
        digests.store(digest, now, execution.getProcessInstanceId());
        execution.setVariable(Var.QUARTER, digest.quarter());
        execution.setVariable(Var.DIGEST_CASES, digest.cases());
        execution.setVariable(Var.DIGEST_SUMMARY, digest.summaryText());
        execution.setVariable(Var.DIGEST_EXAMPLES, digest.examplesText());
    }
}
