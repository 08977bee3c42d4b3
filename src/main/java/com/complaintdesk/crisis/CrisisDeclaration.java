package com.complaintdesk.crisis;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.lifecycle.Decisions;
import com.complaintdesk.lifecycle.EngineClock;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Declares a case a crisis (T1, T5): once per case, it starts the crisis response ({@code complaint-crisis}) for
 * the supervisors, with the case's business key and what they need to see. A second declaration changes nothing.
 */
@Component
public class CrisisDeclaration {

    /** The case's variables the crisis response works with. */
    static final List<String> COPIED = List.of(
            Var.CASE_ID,
            Var.CHANNEL,
            Var.EXTERNAL_ID,
            Var.POSTED_AT,
            Var.TEXT,
            Var.LANGUAGE,
            Var.CUSTOMER_ID,
            Var.CUSTOMER_NAME,
            Var.ORDER_ID,
            Var.ORDER_VALUE,
            Var.ORDER_CURRENCY,
            Var.PRODUCT_SKU,
            Var.PRODUCT_TITLE,
            Var.PUBLIC_SURFACE,
            Var.CATEGORY);

    /** Starts the crisis response unless the case already has one; true when it was started now. */
    public boolean declare(DelegateExecution execution, String reason) {
        if (execution.getVariable(Var.CRISIS_DECLARED_AT) != null) {
            return false;
        }
        String by = EngineClock.actor(execution);
        execution.setVariable(
                Var.CRISIS_DECLARED_AT, Date.from(EngineClock.now().toInstant()));
        execution.setVariable(Var.CRISIS_DECLARED_BY, by == null ? "engine" : by);
        execution.setVariable(Var.CRISIS_REASON, reason);
        Map<String, Object> variables = new HashMap<>();
        for (String name : COPIED) {
            variables.put(name, execution.getVariable(name));
        }
        variables.put(Var.TIER, ComplaintLifecycle.Tier.CRISIS);
        variables.put(Var.CRISIS_DECLARED_BY, by == null ? "engine" : by);
        variables.put(Var.CRISIS_REASON, reason);
        // the crisis follows from an action the user was allowed to take; it must never fail on a permission gap
        Decisions.withoutAuthorization(() -> execution
                .getProcessEngineServices()
                .getRuntimeService()
                .createMessageCorrelation(ComplaintLifecycle.Message.CRISIS_DECLARED)
                .processInstanceBusinessKey(execution.getProcessBusinessKey())
                .setVariables(variables)
                .correlateStartMessage());
        return true;
    }
}
