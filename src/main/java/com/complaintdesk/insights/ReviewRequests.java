package com.complaintdesk.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * R2–R5: the period's review-update requests.
 *
 * @param sent                cases whose review-update request was delivered (by the platform, or by hand)
 * @param updated             of those, cases whose customer updated the review
 * @param revisionRatePercent {@code updated / sent} in percent, one decimal; null when none was sent
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReviewRequests(long sent, long updated, BigDecimal revisionRatePercent) {}
