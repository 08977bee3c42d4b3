package com.complaintdesk.sla;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.engine.ProcessExpression;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Clock;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The BPMN's clock listeners ({@code ${slaClockEvents.…(execution, 'first_response')}}): a clock stops when its
 * scope ends, and breaches come from the timers (T4). Each is recorded so auditors and reports can replay it; a
 * breach also tells the escalation form which clock was missed and when it was due.
 */
@Component
public class SlaClockEvents {

    private final SlaClock clock;
    private final SlaDeadlines deadlines;

    public SlaClockEvents(SlaClock clock, SlaDeadlines deadlines) {
        this.clock = clock;
        this.deadlines = deadlines;
    }

    @ProcessExpression("Records that the SLA clock of that name stopped (on time or late)")
    public void stopped(DelegateExecution execution, String name) {
        clock.record(execution, name, "stopped", dueAt(execution, name, false));
    }

    @ProcessExpression(
            "Records the first breach of the SLA clock of that name and sets breachClock/breachDueAt for the escalation")
    public void breached(DelegateExecution execution, String name) {
        breach(execution, name, "breached", false);
    }

    @ProcessExpression(
            "Records the second breach of the SLA clock of that name and sets breachClock/breachDueAt for the escalation")
    public void secondBreach(DelegateExecution execution, String name) {
        breach(execution, name, "second_breach", true);
    }

    private void breach(DelegateExecution execution, String name, String event, boolean second) {
        Date due = dueAt(execution, name, second);
        // local to the escalation's own path, so two escalations at once each show their own clock
        execution.setVariableLocal(
                Var.BREACH_CLOCK, Clock.FIRST_RESPONSE.equals(name) ? "First response / 首次响应" : "Resolution / 解决");
        execution.setVariableLocal(Var.BREACH_DUE_AT, due);
        clock.record(execution, name, event, due);
    }

    /** When the clock was due, from the application's clock record as the timers read it (#15), not a variable. */
    private Date dueAt(DelegateExecution execution, String name, boolean second) {
        return second ? deadlines.secondDueAt(execution, name) : deadlines.dueAt(execution, name);
    }
}
