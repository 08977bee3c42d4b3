package com.complaintdesk.insights;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * T1–T3: how long the customers of a tier ({@code all} for every case) waited.
 *
 * @param clock         {@code first_response} ({@code first_responded_at - posted_at}) or {@code resolution}
 *                      ({@code resolved_at - posted_at})
 * @param cases         cases that have the time (a case not answered or not resolved yet has none)
 * @param medianSeconds the 50th percentile by nearest rank, in seconds; null without cases
 * @param p90Seconds    the 90th percentile by nearest rank, in seconds; null without cases
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ResponseTimes(String tier, String clock, long cases, Long medianSeconds, Long p90Seconds) {}
