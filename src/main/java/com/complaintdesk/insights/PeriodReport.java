package com.complaintdesk.insights;

import java.util.List;
import java.util.Optional;

/**
 * What a period's complaints add up to (A1, A5, T1–T4, C1–C4, R5). Every figure counts the cases the customer
 * <em>posted</em> within the period (their {@code posted_at}), whatever happened to them later: a case posted on
 * Sunday whose clock was breached on Monday counts in the week it was posted; figures of a past period can still grow
 * while its cases are worked. A figure that does not exist (a percentage of nothing, a percentile without cases) is
 * null, and in the JSON it is written as {@code null} rather than left out.
 *
 * @param period         the period's label, e.g. {@code 2026-W48}
 * @param from           its first instant (ISO-8601, UTC)
 * @param to             the first instant after it
 * @param cases          the cases posted in the period
 * @param byCategory     most cases first, then by category name; cases not yet triaged count as {@code untriaged}
 * @param previousPeriod the label of the period before, which {@code categories} compares with
 * @param byTier         cases per tier (T1, T2, T3, then {@code untriaged})
 * @param byChannel      cases per channel, most first, then by name
 * @param byRootCause    cases per root cause (F3), most first; cases not closed yet count as {@code unrecorded}
 * @param categories     A1: each category with cases in this or the previous period, with its flags
 * @param slaCompliance  T4: per tier and clock, the cases whose clock ran and how many of them were breached
 * @param responseTimes  T1–T3: median and p90 time to first response and to resolution, per tier and {@code all}
 * @param escalations    T4: breach events (first and second breach, both clocks) per tier
 * @param compensation   C4: compensation given per type and currency, with its cases and total amount
 * @param reviewRequests R5: review-update requests delivered and how many of those cases updated their review
 * @param negativeShare  A5: per channel, the period's cases over the reviews recorded for it
 */
public record PeriodReport(
        String period,
        String from,
        String to,
        long cases,
        List<CategoryCount> byCategory,
        String previousPeriod,
        List<KeyCount> byTier,
        List<KeyCount> byChannel,
        List<KeyCount> byRootCause,
        List<CategoryFigures> categories,
        List<SlaCompliance> slaCompliance,
        List<ResponseTimes> responseTimes,
        List<KeyCount> escalations,
        List<CompensationTotal> compensation,
        ReviewRequests reviewRequests,
        List<NegativeShare> negativeShare) {

    /** The category with most cases, if the period had any; a tie goes to the name first in order. */
    public Optional<CategoryCount> top() {
        return byCategory.stream().findFirst();
    }
}
