package com.complaintdesk.lifecycle;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.common.Sha256;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * Builds what a step of the process sends through the channel port for its case. The idempotency key is the
 * case, the kind and a digest of what is sent, so a retried step never sends the same thing twice.
 */
public final class CaseMessages {

    public static final String PUBLIC = OutboundMessage.PUBLIC;
    public static final String PRIVATE = OutboundMessage.PRIVATE;
    public static final String ACTION = OutboundMessage.ACTION;

    private CaseMessages() {}

    public static OutboundMessage of(
            DelegateExecution execution, MessageKind kind, String surface, String recipient, String text) {
        String caseId = EngineClock.string(execution, Var.CASE_ID);
        return new OutboundMessage(
                caseId,
                EngineClock.string(execution, Var.CHANNEL),
                kind,
                surface,
                recipient,
                text,
                caseId + ":" + kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + Sha256.shortHex(text));
    }

    /** A message to the customer, on the private surface of the case's channel. */
    public static OutboundMessage toCustomer(DelegateExecution execution, MessageKind kind, String text) {
        return of(execution, kind, PRIVATE, EngineClock.string(execution, Var.CUSTOMER_ID), text);
    }

    /** Where the case's public answers go: the public surface where the channel has one, else privately. */
    public static String replySurface(DelegateExecution execution) {
        return Boolean.TRUE.equals(execution.getVariable(Var.PUBLIC_SURFACE)) ? PUBLIC : PRIVATE;
    }
}
