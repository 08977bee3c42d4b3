package com.complaintdesk.audit;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One thing that happened to a case, as its timeline shows it.
 *
 * @param at when it happened (UTC)
 * @param kind where it comes from: {@code case} (the case record's milestones and its retrospective), {@code process},
 *     {@code activity}, {@code task}, {@code variable}, {@code operation} (the engine's user operation log),
 *     {@code comment}, {@code decision}, {@code incident}, {@code sla}, {@code message} or {@code evidence}
 * @param event what happened, per kind (e.g. {@code received}, {@code created}, {@code completed}, {@code evaluated},
 *     {@code breached}, {@code delivered}, or an evidence item's verification state)
 * @param title what happened, in words
 * @param actor who did it: a user id, {@code null} when the engine or a platform did it on its own
 * @param detail what the kind has to say about it (task: candidate groups, assignee, duration; decision: inputs and
 *     outputs; …)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record TimelineEntry(
        OffsetDateTime at,
        String kind,
        String event,
        String title,
        @JsonInclude(JsonInclude.Include.ALWAYS) String actor,
        String processInstanceId,
        String processKey,
        Map<String, Object> detail,
        @JsonIgnore int rank,
        @JsonIgnore long order) {}
