package com.complaintdesk.intake;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A case's record as the lifecycle keeps it up to date ({@code cd_complaint}): tier and category (T1–T3),
 * status ({@code open} or {@code closed}), when it was first answered, resolved and closed, the final root cause
 * (F3), the compensation given (C1–C4), the review outcome (R2–R4) and the customer's satisfaction, which the
 * analyses (A1, A5) group by.
 */
public record CaseSummary(
        String id,
        String channel,
        String externalId,
        String status,
        String tier,
        String category,
        OffsetDateTime firstRespondedAt,
        OffsetDateTime resolvedAt,
        OffsetDateTime closedAt,
        String rootCause,
        String resolutionSummary,
        String satisfaction,
        String compensation,
        BigDecimal compensationAmount,
        String reviewOutcome) {}
