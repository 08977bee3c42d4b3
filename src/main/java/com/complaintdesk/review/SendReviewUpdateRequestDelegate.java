package com.complaintdesk.review;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.Delivery;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.lifecycle.CaseMessages;
import com.complaintdesk.lifecycle.EngineClock;
import java.util.Date;
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

    private final Outbox outbox;

    public SendReviewUpdateRequestDelegate(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if (execution.getVariable(Var.REVIEW_UPDATE_REQUESTED_AT) != null) {
            log.warn("Case {} was already asked to update its review; not asking again (R4)", execution.getVariable(Var.CASE_ID));
            return;
        }
        Delivery delivery = outbox.send(CaseMessages.toCustomer(execution, MessageKind.REVIEW_REQUEST,
                EngineClock.string(execution, Var.REVIEW_REQUEST_TEXT)));
        execution.setVariable(Var.REVIEW_UPDATE_REQUESTED_AT, Date.from(delivery.deliveredAt().toInstant()));
    }
}
