package com.complaintdesk.insights;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A5: the share of negative reviews on a channel in a period.
 *
 * @param negativeCases the cases posted on the channel in the period (every case is a complaint)
 * @param reviews       the channel's reviews (any rating) recorded for the period's days; null when none was recorded
 * @param sharePercent  {@code negativeCases / reviews} in percent, one decimal; null without recorded reviews
 * @param note          why there is no share, when there is none
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NegativeShare(String channel, long negativeCases, Long reviews, BigDecimal sharePercent, String note) {

    static final String NO_TOTALS = "no review totals recorded for this channel in the period";
    static final String NO_REVIEWS = "the recorded review totals are 0";
}
