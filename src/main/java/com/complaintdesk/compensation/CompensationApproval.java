package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.abuse.ExtortionGuard;
import com.complaintdesk.engine.ProcessExpression;
import com.complaintdesk.intake.CaseFacts;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.lifecycle.Decisions;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * C1, C2, E6 at the approval gateway (#15): whether the customer's choice needs a supervisor. The agent's limit is
 * evaluated here, at the gateway, from the {@code compensation-options} decision with the case's own inputs (the
 * confirmed tier and category of the case record, the order value and the customer's orders as intake received
 * them), and is 0 on a case a supervisor put on the guarded path (the stored extortion review). The choice is
 * checked against the offer as it was sent ({@link CompensationOffers}): an option that was not offered, or an
 * amount other than the cost the offer put on the chosen option, goes to a supervisor too. No variable a person
 * could overwrite later ({@code approvalLimit}, {@code extortionGuarded}, the offer's options) decides it.
 */
@Component("compensationApproval")
public class CompensationApproval {

    private final CaseFacts cases;
    private final ExtortionGuard guard;
    private final CompensationOffers offers;

    public CompensationApproval(CaseFacts cases, ExtortionGuard guard, CompensationOffers offers) {
        this.cases = cases;
        this.guard = guard;
        this.offers = offers;
    }

    /**
     * True when the recorded choice needs a supervisor's approval: above the policy limit, not one of the options
     * sent, or an amount other than the cost the offer put on that option. Nothing to approve when the customer
     * declined.
     */
    @ProcessExpression(
            "C1, C2, E6: the customer's choice needs a supervisor (above the policy limit, or not as offered)")
    public boolean needsApproval(DelegateExecution execution) {
        Object chosen = execution.getVariable(Var.CHOSEN_COMPENSATION);
        if (CompensationOption.DECLINED.equals(chosen)) {
            return false;
        }
        if (!(execution.getVariable(Var.COMPENSATION_AMOUNT) instanceof Number number)) {
            return true;
        }
        BigDecimal amount = BigDecimal.valueOf(number.doubleValue());
        Optional<CompensationOffers.OfferedOption> offered =
                offers.current(execution.getProcessInstanceId()).flatMap(offer -> offer.option(String.valueOf(chosen)));
        if (offered.isEmpty()) {
            return true;
        }
        BigDecimal cost = offered.get().amount();
        if (cost != null && cost.compareTo(amount) != 0) {
            return true;
        }
        return amount.compareTo(BigDecimal.valueOf(policyLimit(execution))) > 0;
    }

    /**
     * C1, E6: the largest amount an agent may give without approval on this case: the {@code compensation-options}
     * decision's limit for the case's recorded tier and category, order value and customer orders, and the customer
     * type the agent judged in the follow-up (F4); 0 on a guarded case, and 0 when the case has no record or the
     * decision no rule.
     */
    @ProcessExpression(
            "C1, E6: the agent's compensation limit without approval, from the decision with the case's own inputs")
    public double policyLimit(DelegateExecution execution) {
        Optional<CaseFacts.Facts> found = cases.forProcessInstance(execution.getProcessInstanceId());
        if (found.isEmpty() || guard.guarded(execution)) {
            return 0;
        }
        CaseFacts.Facts facts = found.get();
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(Var.TIER, facts.tier());
        inputs.put(Var.CATEGORY, facts.category());
        inputs.put(Var.CUSTOMER_TYPE, customerType(execution));
        inputs.put(Var.ORDER_VALUE, facts.orderValue());
        inputs.put(Var.CUSTOMER_LIFETIME_ORDERS, facts.lifetimeOrders());
        List<Map<String, Object>> result =
                Decisions.evaluate(execution, ComplaintLifecycle.Decision.COMPENSATION_OPTIONS, inputs);
        if (result.isEmpty() || !(result.get(0).get(Var.APPROVAL_LIMIT) instanceof Number limit)) {
            return 0;
        }
        return limit.doubleValue();
    }

    /** F4: the agent's judgement in the follow-up; only the decision's own values count, anything else as unknown. */
    private static String customerType(DelegateExecution execution) {
        Object type = execution.getVariable(Var.CUSTOMER_TYPE);
        return "apology".equals(type) || "compensation".equals(type) ? (String) type : null;
    }
}
