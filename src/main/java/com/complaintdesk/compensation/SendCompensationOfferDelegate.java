package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.lifecycle.CaseMessages;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_SendCompensationOffer (C2): the agent's message with the options, named in the customer's language, in private. */
@Component
public class SendCompensationOfferDelegate implements JavaDelegate {

    private final Deliveries deliveries;
    private final ChoiceLinks links;

    public SendCompensationOfferDelegate(Deliveries deliveries, ChoiceLinks links) {
        this.deliveries = deliveries;
        this.links = links;
    }

    /** The offer, then the signed link to the customer's choice page (C2). */
    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> variables = execution.getVariables();
        deliveries.send(
                execution,
                CaseMessages.toCustomer(
                        execution, MessageKind.COMPENSATION_OFFER, offerText(variables) + links.linkLine(variables)));
    }

    /**
     * The offer as the customer receives it, from the case's {@code variables}: the agent's message, then the
     * offered options. Also what a channel's message rule measures before sending (the offer-compensation form).
     */
    public static String offerText(Map<String, Object> variables) {
        Object message = variables.get(Var.OFFER_MESSAGE);
        return (message == null ? "" : message.toString().strip()) + "\n" + options(variables);
    }

    /** The offered options, numbered, in the customer's language. */
    static String options(Map<String, Object> variables) {
        Object language = variables.get(Var.LANGUAGE);
        StringBuilder text = new StringBuilder();
        int n = 1;
        for (Object key : CompensationRules.offered(variables)) {
            String label = CompensationOption.of(key)
                    .map(o -> o.label(language == null ? null : language.toString()))
                    .orElse(String.valueOf(key));
            text.append('\n').append(n++).append(". ").append(label);
        }
        return text.toString();
    }
}
