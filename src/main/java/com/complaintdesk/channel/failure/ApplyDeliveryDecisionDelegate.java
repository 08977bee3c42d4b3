package com.complaintdesk.channel.failure;

import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.lifecycle.Decisions;
import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Task_ApplyDeliveryDecision: the case's failed step runs again at once (its incident is resolved). After "I
 * delivered it by hand" the step records the delivery as manual, naming the agent, instead of calling the platform.
 * After "Try again now" a send that was interrupted is released: the agent looked and the platform does not have it.
 */
@Component
public class ApplyDeliveryDecisionDelegate implements JavaDelegate {

    private final Outbox outbox;

    public ApplyDeliveryDecisionDelegate(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String jobId = EngineClock.string(execution, DeliveryFailure.Var.JOB_ID);
        String caseInstance = EngineClock.string(execution, DeliveryFailure.Var.FAILED_PROCESS_INSTANCE_ID);
        String activity = EngineClock.string(execution, DeliveryFailure.Var.FAILED_ACTIVITY_ID);
        boolean manual = DeliveryFailure.Var.MANUAL.equals(execution.getVariable(DeliveryFailure.Var.DECISION));
        String agent = EngineClock.actor(execution);
        ManagementService management = execution.getProcessEngineServices().getManagementService();
        // the engine's own repair of the case on the agent's decision; agents may not change other cases' jobs
        Decisions.withoutAuthorization(() -> {
            Job job = management.createJobQuery().jobId(jobId).singleResult();
            if (job == null) {
                return null; // the step has run meanwhile (retried from Cockpit): nothing left to do
            }
            if (manual) {
                execution
                        .getProcessEngineServices()
                        .getRuntimeService()
                        .setVariable(
                                caseInstance,
                                Deliveries.MANUAL_VARIABLE_PREFIX + activity,
                                agent == null ? "unknown" : agent);
            } else {
                outbox.confirmNotDelivered(Outbox.step(caseInstance, activity), agent == null ? "unknown" : agent);
            }
            management.setJobRetries(jobId, 1);
            // at once: the failed attempt had put the job's next try into the future
            management.setJobDuedate(jobId, ClockUtil.getCurrentTime());
            return null;
        });
    }
}
