package com.complaintdesk.followup;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.lifecycle.CaseMessages;
import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendFollowUpMessage (F1, F7): the agent's private message goes to the customer through the channel port. */
@Component
public class SendFollowUpMessageDelegate implements JavaDelegate {

    private final Deliveries deliveries;

    public SendFollowUpMessageDelegate(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliveries.send(
                execution,
                CaseMessages.toCustomer(
                        execution, MessageKind.PRIVATE_MESSAGE, EngineClock.string(execution, Var.FOLLOW_UP_MESSAGE)));
    }
}
