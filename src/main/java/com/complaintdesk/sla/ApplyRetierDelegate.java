package com.complaintdesk.sla;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.triage.TriageConfirmation;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyRetier (T6): the case was re-tiered while open; restarts the SLA clocks for the new tier from
 * postedAt and moves the waiting first-response timer to the new deadline.
 */
@Component
public class ApplyRetierDelegate implements JavaDelegate {

    private final SlaClock clock;

    public ApplyRetierDelegate(SlaClock clock) {
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String tier = (String) execution.getVariable(Var.TIER);
        TriageConfirmation.requireValidTier(tier);
        if (!clock.retier(execution, tier)) {
            return;
        }
        ManagementService management = execution.getProcessEngineServices().getManagementService();
        Job timer = management.createJobQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .activityId(ComplaintLifecycle.Activity.FIRST_RESPONSE_DUE)
                .singleResult();
        if (timer != null) {
            // Re-evaluates the timer's ${firstResponseDueAt} against the variables just written.
            management.recalculateJobDuedate(timer.getId(), false);
        }
    }
}
