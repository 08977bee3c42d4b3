package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.Deliveries;
import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.lifecycle.CaseMessages;
import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendChoiceReminder (C2, F7): the customer has not chosen yet; one friendly reminder with the options and the
 * offer's link to the choice page again.
 */
@Component
public class SendChoiceReminderDelegate implements JavaDelegate {

    private final Deliveries deliveries;
    private final ChoiceLinks links;

    public SendChoiceReminderDelegate(Deliveries deliveries, ChoiceLinks links) {
        this.deliveries = deliveries;
        this.links = links;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String language = EngineClock.string(execution, Var.LANGUAGE);
        String opening =
                language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("zh")
                        ? "您好，想再提醒一下：您可以从以下方案中选择最适合您的一项，我们会立即为您处理。"
                        : "Hello again — a gentle reminder: choose whichever of these options suits you best and we will take care of it right away.";
        deliveries.send(
                execution,
                CaseMessages.toCustomer(
                        execution,
                        MessageKind.REMINDER,
                        opening + "\n" + SendCompensationOfferDelegate.options(execution.getVariables())
                                + links.linkLine(execution.getVariables())));
    }
}
