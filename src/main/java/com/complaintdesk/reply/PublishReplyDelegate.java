package com.complaintdesk.reply;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.channel.Delivery;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.lifecycle.CaseMessages;
import com.complaintdesk.lifecycle.EngineClock;
import java.util.Date;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PublishReply (P1–P4): publishes the approved four-part reply through the channel port, on the public surface
 * where the channel has one; it is the case's first response. Runs as an asynchronous job: a failure leaves the
 * approved text in the case and the job retries.
 */
@Component
public class PublishReplyDelegate implements JavaDelegate {

    private final Deliveries deliveries;
    private final CaseRecords cases;

    public PublishReplyDelegate(Deliveries deliveries, CaseRecords cases) {
        this.deliveries = deliveries;
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String text = compose(execution);
        Delivery delivery = deliveries.send(
                execution,
                CaseMessages.of(
                        execution,
                        MessageKind.REPLY,
                        CaseMessages.replySurface(execution),
                        EngineClock.string(execution, Var.CUSTOMER_ID),
                        text));
        execution.setVariable(Var.REPLY_TEXT, text);
        execution.setVariable(
                Var.REPLY_PUBLISHED_AT, Date.from(delivery.deliveredAt().toInstant()));
        cases.recordFirstResponse(EngineClock.string(execution, Var.CASE_ID), delivery.deliveredAt());
    }

    /** P1–P4 in order, one paragraph each. */
    static String compose(DelegateExecution execution) {
        return compose(execution::getVariable);
    }

    /**
     * The public reply as it will be published from the four parts (P1–P4) read by {@code variables}: blank parts
     * left out, each part stripped, one paragraph each. Also what a channel's length rule measures before sending.
     */
    public static String compose(Function<String, Object> variables) {
        return Stream.of(Var.REPLY_APOLOGY, Var.REPLY_CAUSE, Var.REPLY_SOLUTION, Var.REPLY_INVITATION)
                .map(variables)
                .map(part -> part == null ? null : part.toString())
                .filter(part -> part != null && !part.isBlank())
                .map(String::strip)
                .collect(Collectors.joining("\n\n"));
    }
}
