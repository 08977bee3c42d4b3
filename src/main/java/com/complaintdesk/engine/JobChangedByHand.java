package com.complaintdesk.engine;

import java.time.OffsetDateTime;

/**
 * An administrator changed a job of a process through the engine API (moved its due date, executed it, changed its
 * retries, suspended or deleted it): published after the engine accepted it, so the case's SLA history says who
 * moved a deadline by hand, and when. {@code dueAt} is the job's due date after the change, where it has one.
 */
public record JobChangedByHand(
        String jobId,
        String processInstanceId,
        String activityId,
        String action,
        OffsetDateTime dueAt,
        String userId,
        OffsetDateTime at) {}
