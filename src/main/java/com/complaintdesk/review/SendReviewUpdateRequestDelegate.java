package com.complaintdesk.review;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.channel.Delivery;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.lifecycle.CaseMessages;
import com.complaintdesk.lifecycle.EngineClock;
import com.complaintdesk.reply.TemplateBlanks;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_SendReviewUpdateRequest (R2–R4): the one polite request to update the review, with the platform's steps in
 * the customer's language. The process has no path that asks twice; should a case ever arrive here again (a
 * repaired instance), it asks nothing.
 */
@Component
public class SendReviewUpdateRequestDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(SendReviewUpdateRequestDelegate.class);

    private final Deliveries deliveries;

    public SendReviewUpdateRequestDelegate(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(Var.REVIEW_UPDATE_REQUESTED_AT) != null) {
            log.warn(
                    "Case {} was already asked to update its review; not asking again (R4)",
                    execution.getVariable(Var.CASE_ID));
            return;
        }
        String text = EngineClock.string(execution, Var.REVIEW_REQUEST_TEXT);
        List<String> blanks = TemplateBlanks.blanks(text);
        if (!blanks.isEmpty()) {
            // never send a customer a template with holes; the job fails and shows as an incident in Cockpit
            throw new IllegalStateException("The review request of case " + execution.getVariable(Var.CASE_ID)
                    + " still has blanks the case cannot fill: " + String.join(" ", blanks)
                    + " (review-request decision: use only [name], [order number], [product] or their Chinese forms)");
        }
        Delivery delivery =
                deliveries.send(execution, CaseMessages.toCustomer(execution, MessageKind.REVIEW_REQUEST, text));
        execution.setVariable(
                Var.REVIEW_UPDATE_REQUESTED_AT, Date.from(delivery.deliveredAt().toInstant()));
    }
}
