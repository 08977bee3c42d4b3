package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.lifecycle.CaseMessages;
import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendCompensationOffer (C2): the agent's message with the options, named in the customer's language, in private. */
@Component
public class SendCompensationOfferDelegate implements JavaDelegate {

    private final Deliveries deliveries;

    public SendCompensationOfferDelegate(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliveries.send(execution, CaseMessages.toCustomer(execution, MessageKind.COMPENSATION_OFFER, offer(execution)));
    }

    static String offer(DelegateExecution execution) {
        return EngineClock.string(execution, Var.OFFER_MESSAGE).strip() + "\n" + options(execution);
    }

    /** The offered options, numbered, in the customer's language. */
    static String options(DelegateExecution execution) {
        String language = EngineClock.string(execution, Var.LANGUAGE);
        StringBuilder text = new StringBuilder();
        int n = 1;
        for (Object key : CompensationRules.offered(execution.getVariables())) {
            String label = CompensationOption.of(key).map(o -> o.label(language)).orElse(String.valueOf(key));
            text.append('\n').append(n++).append(". ").append(label);
        }
        return text.toString();
    }
}
