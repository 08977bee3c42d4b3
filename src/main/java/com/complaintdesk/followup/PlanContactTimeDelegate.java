package com.complaintdesk.followup;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.lifecycle.EngineClock;
import com.complaintdesk.lifecycle.LifecycleSettings;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PlanContactTime (F6): at night in the customer's time zone the contact waits for their morning
 * ({@code contactAt}); the agent sees the customer's local time. Prefills the message from the opening script
 * and the promised steps (F1, F7) for the agent to finish.
 */
@Component
public class PlanContactTimeDelegate implements JavaDelegate {

    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (VV)");

    private final LifecycleSettings settings;

    public PlanContactTimeDelegate(LifecycleSettings settings) {
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String timezone = EngineClock.string(execution, Var.CUSTOMER_TIMEZONE);
        Instant now = EngineClock.now().toInstant();
        Instant contactAt = new ContactTimePlanner(settings.getContactHoursStart(), settings.getContactHoursEnd())
                .next(now, timezone);
        execution.setVariable(Var.CONTACT_AT, Date.from(contactAt));
        execution.setVariable(Var.WAIT_FOR_CUSTOMER_DAYTIME, contactAt.isAfter(now));
        execution.setVariable(
                Var.CUSTOMER_LOCAL_TIME,
                contactAt.atZone(ContactTimePlanner.zone(timezone)).format(LOCAL));
        execution.setVariable(
                Var.FOLLOW_UP_MESSAGE,
                EngineClock.string(execution, Var.OPENING_SCRIPT) + "\n\n"
                        + EngineClock.string(execution, Var.RESOLUTION_STEPS));
    }
}
