package com.complaintdesk.sla;

import com.complaintdesk.engine.ProcessExpression;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * T4, T6 at the SLA timers (#15): a clock's due dates from the application's own record of it ({@code cd_sla_event}:
 * the due date of its latest start or restart, written by {@link SlaClock}), never from the {@code …DueAt} variables,
 * which a person could overwrite and a due-date recalculation would then follow. The second escalation is due the
 * tier's {@code escalateAgainAfter} (sla-policy decision) after the first.
 */
@Component("slaDeadlines")
public class SlaDeadlines {

    private final SlaEvents events;
    private final SlaClock clock;

    public SlaDeadlines(SlaEvents events, SlaClock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** T4: when the clock ({@code first_response} or {@code resolution}) is due. */
    @ProcessExpression("T4: when this SLA clock is due, from the application's clock record")
    public Date dueAt(DelegateExecution execution, String name) {
        return Date.from(lastStart(execution, name).dueAt().toInstant());
    }

    /** T4, X2: when the clock's second escalation is due. */
    @ProcessExpression("T4, X2: when this SLA clock's second escalation is due, from the application's clock record")
    public Date secondDueAt(DelegateExecution execution, String name) {
        SlaEvent start = lastStart(execution, name);
        return DeadlineCalculator.due(
                Date.from(start.dueAt().toInstant()),
                clock.policyFor(start.tier()).escalateAgainAfter());
    }

    private SlaEvent lastStart(DelegateExecution execution, String name) {
        if (!Clock.FIRST_RESPONSE.equals(name) && !Clock.RESOLUTION.equals(name)) {
            throw new IllegalArgumentException("No SLA clock " + name);
        }
        return events.lastStart(execution.getProcessInstanceId(), name)
                .filter(e -> e.dueAt() != null && e.tier() != null)
                .orElseThrow(() -> new IllegalStateException("The " + name + " clock of process instance "
                        + execution.getProcessInstanceId() + " was never started"));
    }
}
