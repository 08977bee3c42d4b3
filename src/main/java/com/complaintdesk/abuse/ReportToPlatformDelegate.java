package com.complaintdesk.abuse;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.lifecycle.CaseMessages;
import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReportToPlatform (E6): the supervisor chose to report the account to the platform. It goes through the
 * channel port like any action; no platform offers an API for it, so the gateways record it as a manual action
 * for a person to file in the platform's report form.
 */
@Component
public class ReportToPlatformDelegate implements JavaDelegate {

    private final Deliveries deliveries;

    public ReportToPlatformDelegate(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String customer = EngineClock.string(execution, Var.CUSTOMER_ID);
        String text = "Report customer " + customer + " for suspected extortion by negative review (E6). Signals: "
                + EngineClock.string(execution, Var.EXTORTION_SIGNALS) + " (score "
                + EngineClock.string(execution, Var.EXTORTION_SCORE) + "). Supervisor's note: "
                + EngineClock.string(execution, Var.EXTORTION_REVIEW_NOTE);
        deliveries.send(
                execution,
                CaseMessages.of(execution, MessageKind.REPORT_TO_PLATFORM, CaseMessages.ACTION, customer, text));
    }
}
