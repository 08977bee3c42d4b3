package com.complaintdesk.crisis;

import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.lifecycle.CaseMessages;
import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PublishStatement (T1, X3): the statement legal approved is published through the channel port. */
@Component
public class PublishStatementDelegate implements JavaDelegate {

    private final Deliveries deliveries;

    public PublishStatementDelegate(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
        deliveries.send(
                execution,
                CaseMessages.of(
                        execution,
                        MessageKind.STATEMENT,
                        CaseMessages.replySurface(execution),
                        null,
                        EngineClock.string(execution, ComplaintCrisis.Var.STATEMENT_TEXT)));
    }
}
