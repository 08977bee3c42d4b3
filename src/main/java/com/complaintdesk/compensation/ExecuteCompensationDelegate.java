package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.lifecycle.CaseMessages;
import com.complaintdesk.lifecycle.EngineClock;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ExecuteCompensation (C3, C4): each remedy of the chosen package is carried out through the channel port
 * (an action the platform executes, or a recorded manual action where it has no API), and the case record keeps
 * what was given.
 */
@Component
public class ExecuteCompensationDelegate implements JavaDelegate {

    private final Deliveries deliveries;
    private final CaseRecords cases;

    public ExecuteCompensationDelegate(Deliveries deliveries, CaseRecords cases) {
        this.deliveries = deliveries;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String chosen = EngineClock.string(execution, Var.CHOSEN_COMPENSATION);
        CompensationOption option = CompensationOption.of(chosen)
                .orElseThrow(() -> new IllegalStateException("Not a compensation option: " + chosen));
        BigDecimal amount = BigDecimal.valueOf(((Number) execution.getVariable(Var.COMPENSATION_AMOUNT)).doubleValue())
                .setScale(2, RoundingMode.HALF_UP);
        String currency = EngineClock.string(execution, Var.ORDER_CURRENCY);
        String order = EngineClock.string(execution, Var.ORDER_ID);
        Object orderValue = execution.getVariable(Var.ORDER_VALUE);
        var shares = option.split(
                amount,
                orderValue instanceof Number n
                        ? BigDecimal.valueOf(n.doubleValue()).setScale(2, RoundingMode.HALF_UP)
                        : null);
        shares.forEach((remedy, share) -> {
            String text = remedy.name().toLowerCase(java.util.Locale.ROOT) + " for order " + order + ": "
                    + share.toPlainString() + (currency == null ? "" : " " + currency) + " (package " + option.key()
                    + ")";
            deliveries.send(
                    execution,
                    CaseMessages.of(
                            execution,
                            MessageKind.REMEDY,
                            CaseMessages.ACTION,
                            EngineClock.string(execution, Var.CUSTOMER_ID),
                            text));
        });
        cases.recordCompensation(EngineClock.string(execution, Var.CASE_ID), option.key(), amount, currency);
    }
}
