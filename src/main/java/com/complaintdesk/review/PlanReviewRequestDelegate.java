package com.complaintdesk.review;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.followup.ContactTimePlanner;
import com.complaintdesk.lifecycle.EngineClock;
import com.complaintdesk.lifecycle.LifecycleSettings;
import com.complaintdesk.sla.DeadlineCalculator;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PlanReviewRequest (R2, F6): the review update request waits a cool-off after the resolution, then for a
 * good hour in the customer's time zone, when they have time to do it.
 */
@Component
public class PlanReviewRequestDelegate implements JavaDelegate {

    private final LifecycleSettings settings;

    public PlanReviewRequestDelegate(LifecycleSettings settings) {
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant afterCoolOff =
                DeadlineCalculator.due(EngineClock.now().toInstant(), settings.getReviewRequestCoolOff());
        Instant at = new ContactTimePlanner(settings.getContactHoursStart(), settings.getContactHoursEnd())
                .next(afterCoolOff, EngineClock.string(execution, Var.CUSTOMER_TIMEZONE));
        execution.setVariable(Var.REVIEW_REQUEST_AT, Date.from(at));
    }
}
