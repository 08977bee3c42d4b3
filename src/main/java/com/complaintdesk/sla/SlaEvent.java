package com.complaintdesk.sla;

import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened to one of a case's SLA clocks (T4, T6): {@code clock} is {@code first_response} or
 * {@code resolution}; {@code event} is {@code started}, {@code restarted}, {@code stopped}, {@code breached} or
 * {@code second_breach}. {@code dueAt} is when the clock was due at that moment.
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

    private static final Set<String> CLOCKS = Set.of(FIRST_RESPONSE, RESOLUTION);
    private static final Set<String> EVENTS = Set.of(STARTED, RESTARTED, STOPPED, BREACHED, SECOND_BREACH);

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
