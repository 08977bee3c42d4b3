package com.complaintdesk.lifecycle;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

/**
 * What the application tells the complaint lifecycle: start a case, re-tier it, report a review's outcome. Engine calls run as the
 * user who is authenticated with the engine at the time (see the identity module).
 */
@Component
public class ComplaintLifecycleProcess {

    private final RuntimeService runtime;

    ComplaintLifecycleProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** Starts the lifecycle of a new case; returns the process instance id. */
    public String start(String businessKey, Map<String, Object> variables) {
        ProcessInstance instance = runtime.startProcessInstanceByKey(ComplaintLifecycle.PROCESS_KEY, businessKey, variables);
        return instance.getId();
    }

    /** T6: re-tiers an open case, e.g. when a T3 comment goes viral; the open deadlines are recomputed. */
    public void retier(String businessKey, String tier, String reason) {
        runtime.createMessageCorrelation(ComplaintLifecycle.Message.RETIER)
                .processInstanceBusinessKey(businessKey)
                .setVariable(ComplaintLifecycle.Var.TIER, tier)
                .setVariable(ComplaintLifecycle.Var.RETIER_REASON, reason)
                .correlateWithResult();
    }

    /** R3–R5: the channel reports what the customer did with the review ({@code updated} or {@code declined}). */
    public void reviewOutcome(String businessKey, String outcome) {
        runtime.createMessageCorrelation(ComplaintLifecycle.Message.REVIEW_OUTCOME)
                .processInstanceBusinessKey(businessKey)
                .setVariable(ComplaintLifecycle.Var.REVIEW_OUTCOME, outcome)
                .correlateWithResult();
    }
}
