package com.complaintdesk.channel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * How a process step sends: through the outbox to the platform, unless an agent has taken this step's delivery
 * over by hand after it kept failing ({@code delivery-failure}), in which case the message is recorded as
 * delivered manually and nothing is sent.
 */
@Component
public class Deliveries {

    /** Prefix of the case variable, per step, that names the agent who delivered that step by hand. */
    public static final String MANUAL_VARIABLE_PREFIX = "manualDelivery_";

    private final Outbox outbox;

    public Deliveries(Outbox outbox) {
        this.outbox = outbox;
    }

    public Delivery send(DelegateExecution execution, OutboundMessage message) {
        String step = Outbox.step(execution.getProcessInstanceId(), execution.getCurrentActivityId());
        Object by = execution.getVariable(MANUAL_VARIABLE_PREFIX + execution.getCurrentActivityId());
        return by == null ? outbox.send(message, step) : outbox.recordManual(message, step, by.toString());
    }
}
