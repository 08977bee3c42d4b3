package com.complaintdesk.lifecycle;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * Evaluates a decision of the same deployment as the running process, as a business rule task with
 * {@code decisionRefBinding="deployment"} would, so a process and its tables always change together.
 * The evaluation is the engine's own work for the user whose action triggered it, so it is not subject
 * to that user's authorizations (an agent may not evaluate decisions directly).
 */
public final class Decisions {

    private Decisions() {}

    public static List<Map<String, Object>> evaluate(
            DelegateExecution execution, String decisionKey, Map<String, Object> variables) {
        return withoutAuthorization(() -> {
            var services = execution.getProcessEngineServices();
            ProcessDefinition process =
                    services.getRepositoryService().getProcessDefinition(execution.getProcessDefinitionId());
            DecisionDefinition decision = services.getRepositoryService()
                    .createDecisionDefinitionQuery()
                    .decisionDefinitionKey(decisionKey)
                    .deploymentId(process.getDeploymentId())
                    .singleResult();
            if (decision == null) {
                throw new IllegalStateException("The decision " + decisionKey + " is not deployed with "
                        + process.getKey() + " (deployment " + process.getDeploymentId() + ")");
            }
            DmnDecisionResult result = services.getDecisionService()
                    .evaluateDecisionById(decision.getId())
                    .variables(variables)
                    .evaluate();
            return result.getResultList();
        });
    }

    /** Runs engine bookkeeping done on a user's behalf (reading a decision, moving a timer) without their authorization checks. */
    public static <T> T withoutAuthorization(java.util.concurrent.Callable<T> work) {
        CommandContext context = Context.getCommandContext();
        if (context == null) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return context.runWithoutAuthorization(work);
    }
}
