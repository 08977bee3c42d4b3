package com.complaintdesk.sla;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened to one of a case's SLA clocks (T4, T6): {@code clock} is {@code first_response} or
 * {@code resolution}; {@code event} is {@code started}, {@code restarted}, {@code stopped}, {@code breached} or
 * {@code second_breach}; an administrator's change of a timer by hand is {@code due_date_moved}, {@code fired_by_hand}
 * or {@code job_changed}, on that clock or on {@code other} timers. {@code dueAt} is when the clock was due at that
 * moment.
 */
public record SlaEvent(
        String caseId,
        String processInstanceId,
        String clock,
        String event,
        String tier,
        OffsetDateTime dueAt,
        OffsetDateTime occurredAt,
        String actor) {

    public static final String FIRST_RESPONSE = "first_response";
    public static final String RESOLUTION = "resolution";

    public static final String STARTED = "started";
    public static final String RESTARTED = "restarted";
    public static final String STOPPED = "stopped";
    public static final String BREACHED = "breached";
    public static final String SECOND_BREACH = "second_breach";

    /** A timer that is no SLA clock (the review cool-off, the customer's night, a reminder). */
    public static final String OTHER_TIMER = "other";
    /** An administrator changed a timer by hand through the engine API (#15): moved it, fired it, or changed it. */
    public static final String MOVED_BY_HAND = "due_date_moved";

    public static final String FIRED_BY_HAND = "fired_by_hand";
    public static final String CHANGED_BY_HAND = "job_changed";

    private static final Set<String> CLOCKS = Set.of(FIRST_RESPONSE, RESOLUTION, OTHER_TIMER);
    private static final Set<String> EVENTS =
            Set.of(STARTED, RESTARTED, STOPPED, BREACHED, SECOND_BREACH, MOVED_BY_HAND, FIRED_BY_HAND, CHANGED_BY_HAND);

    public SlaEvent {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (!CLOCKS.contains(clock)) {
            throw new IllegalArgumentException("clock must be one of " + CLOCKS + ", not " + clock);
        }
        if (!EVENTS.contains(event)) {
            throw new IllegalArgumentException("event must be one of " + EVENTS + ", not " + event);
        }
    }
}
