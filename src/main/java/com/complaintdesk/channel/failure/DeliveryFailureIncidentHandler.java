package com.complaintdesk.channel.failure;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.incident.DefaultIncidentHandler;
import org.camunda.bpm.engine.impl.incident.IncidentContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Incident;

/**
 * The engine's failed-job incidents, as usual (visible in Cockpit), and for a step that talks to a platform also a
 * {@code delivery-failure} case of work for the agents, so a customer is never left without the message because a
 * platform was down. Needs no Spring: the process tests' engine uses it too.
 */
public class DeliveryFailureIncidentHandler extends DefaultIncidentHandler {

    public DeliveryFailureIncidentHandler() {
        super(Incident.FAILED_JOB_HANDLER_TYPE);
    }

    @Override
    public Incident handleIncident(IncidentContext context, String message) {
        Incident incident = super.handleIncident(context, message);
        if (context.getExecutionId() != null && DeliveryFailure.OUTBOUND_STEPS.contains(context.getActivityId())) {
            ExecutionEntity execution =
                    Context.getCommandContext().getExecutionManager().findExecutionById(context.getExecutionId());
            Map<String, Object> variables = new HashMap<>();
            for (String name : new String[] {Var.CASE_ID, Var.CHANNEL, Var.CUSTOMER_NAME, Var.TIER}) {
                variables.put(name, execution.getVariable(name));
            }
            String step = execution.getProcessDefinition().findActivity(context.getActivityId()) == null
                    ? context.getActivityId()
                    : String.valueOf(execution
                            .getProcessDefinition()
                            .findActivity(context.getActivityId())
                            .getName());
            variables.put(DeliveryFailure.Var.FAILED_STEP, step);
            variables.put(DeliveryFailure.Var.FAILED_ACTIVITY_ID, context.getActivityId());
            variables.put(DeliveryFailure.Var.FAILED_PROCESS_INSTANCE_ID, execution.getProcessInstanceId());
            variables.put(DeliveryFailure.Var.JOB_ID, context.getConfiguration());
            variables.put(DeliveryFailure.Var.DELIVERY_ERROR, message == null ? "(no message)" : message);
            Context.getProcessEngineConfiguration()
                    .getRuntimeService()
                    .startProcessInstanceByKey(
                            DeliveryFailure.PROCESS_KEY, execution.getProcessBusinessKey(), variables);
        }
        return incident;
    }
}
