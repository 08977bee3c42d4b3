package com.complaintdesk.sla;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Clock;
import com.complaintdesk.lifecycle.Decisions;
import com.complaintdesk.lifecycle.EngineClock;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Starts and restarts a case's SLA clocks (T1–T4, T6): writes the due dates, computed from the customer's
 * postedAt by {@link DeadlineCalculator}, and who works and who is escalated to, into the case's variables;
 * records every start and restart; moves the waiting timers when the tier changes. The tier's durations and
 * groups come from the {@code sla-policy} decision, never from code.
 */
@Component
public class SlaClock {

    private final DecisionService decisions;
    private final SlaEvents events;

    /**
     * How many times faster the clocks run than the policy says: 1 in production; the {@code trial} profile sets 60, so
     * that hours become minutes and a newcomer sees breaches and escalations while trying the desk.
     */
    private final long timeScale;

    public SlaClock(DecisionService decisions, SlaEvents events) {
        this(decisions, events, 1);
    }

    @Autowired
    public SlaClock(
            DecisionService decisions, SlaEvents events, @Value("${complaintdesk.sla.time-scale:1}") long timeScale) {
        if (timeScale < 1) {
            throw new IllegalArgumentException("complaintdesk.sla.time-scale must be 1 or more, not " + timeScale);
        }
        this.decisions = decisions;
        this.events = events;
        this.timeScale = timeScale;
    }

    /** Evaluates the latest {@code sla-policy} decision for a tier. */
    public SlaPolicy policyFor(String tier) {
        DmnDecisionResultEntries result = Decisions.withoutAuthorization(() -> decisions
                .evaluateDecisionByKey(ComplaintLifecycle.Decision.SLA_POLICY)
                .variables(Variables.createVariables().putValue(Var.TIER, tier))
                .evaluate()
                .getSingleResult());
        if (result == null) {
            throw new IllegalArgumentException("The sla-policy decision has no rule for tier " + tier);
        }
        Map<String, Object> e = result.getEntryMap();
        return new SlaPolicy(
                tier,
                scaled((String) e.get(Var.FIRST_RESPONSE_WITHIN)),
                scaled((String) e.get(Var.RESOLUTION_WITHIN)),
                (String) e.get(Var.ESCALATION_GROUPS),
                scaled((String) e.get(Var.ESCALATE_AGAIN_AFTER)),
                (String) e.get(Var.SECOND_ESCALATION_GROUPS),
                (String) e.get(Var.CASE_WORKERS));
    }

    /** A duration of the policy as the clocks run it: the policy's own, or divided by the trial's time scale. */
    private String scaled(String within) {
        return timeScale == 1 || within == null
                ? within
                : DeadlineCalculator.parse(within).dividedBy(timeScale).toString();
    }

    /** Starts the clocks of a new case for its (suggested) tier. */
    public void start(DelegateExecution execution) {
        String tier = (String) execution.getVariable(Var.TIER);
        apply(execution, policyFor(tier), "started");
    }

    /**
     * T6: restarts the clocks for a new tier unless they already run for it, and moves the waiting SLA timers to
     * the new due dates; true when they were restarted.
     */
    public boolean retier(DelegateExecution execution, String tier) {
        if (tier.equals(execution.getVariable(Var.CLOCK_TIER))) {
            return false;
        }
        apply(execution, policyFor(tier), "restarted");
        ManagementService management = execution.getProcessEngineServices().getManagementService();
        Decisions.withoutAuthorization(() -> {
            for (String activity : Activity.SLA_TIMERS) {
                for (Job timer : management
                        .createJobQuery()
                        .processInstanceId(execution.getProcessInstanceId())
                        .activityId(activity)
                        .timers()
                        .list()) {
                    // Re-evaluates the timer's ${…DueAt} against the variables just written.
                    management.recalculateJobDuedate(timer.getId(), false);
                }
            }
            return null;
        });
        return true;
    }

    private void apply(DelegateExecution execution, SlaPolicy policy, String event) {
        Date postedAt = (Date) execution.getVariable(Var.POSTED_AT);
        Date firstDue = DeadlineCalculator.due(postedAt, policy.firstResponseWithin());
        Date resolutionDue = DeadlineCalculator.due(postedAt, policy.resolutionWithin());
        execution.setVariable(Var.FIRST_RESPONSE_WITHIN, policy.firstResponseWithin());
        execution.setVariable(Var.RESOLUTION_WITHIN, policy.resolutionWithin());
        execution.setVariable(Var.FIRST_RESPONSE_DUE_AT, firstDue);
        execution.setVariable(Var.RESOLUTION_DUE_AT, resolutionDue);
        execution.setVariable(Var.ESCALATE_AGAIN_AFTER, policy.escalateAgainAfter());
        execution.setVariable(
                Var.FIRST_RESPONSE_SECOND_DUE_AT, DeadlineCalculator.due(firstDue, policy.escalateAgainAfter()));
        execution.setVariable(
                Var.RESOLUTION_SECOND_DUE_AT, DeadlineCalculator.due(resolutionDue, policy.escalateAgainAfter()));
        execution.setVariable(Var.ESCALATION_GROUPS, policy.escalationGroups());
        execution.setVariable(Var.SECOND_ESCALATION_GROUPS, policy.secondEscalationGroups());
        execution.setVariable(Var.CASE_WORKERS, policy.caseWorkers());
        execution.setVariable(Var.CLOCK_TIER, policy.tier());
        // The clock's own tier: the SLA timers read their due dates back from these records (SlaDeadlines, #15).
        record(execution, Clock.FIRST_RESPONSE, event, firstDue, policy.tier());
        record(execution, Clock.RESOLUTION, event, resolutionDue, policy.tier());
    }

    void record(DelegateExecution execution, String clock, String event, Date dueAt) {
        record(execution, clock, event, dueAt, EngineClock.string(execution, Var.TIER));
    }

    private void record(DelegateExecution execution, String clock, String event, Date dueAt, String tier) {
        events.record(new SlaEvent(
                EngineClock.string(execution, Var.CASE_ID),
                execution.getProcessInstanceId(),
                clock,
                event,
                tier,
                EngineClock.utc(dueAt),
                EngineClock.now(),
                EngineClock.actor(execution)));
    }
}
