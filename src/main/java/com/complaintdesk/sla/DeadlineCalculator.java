package com.complaintdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * Computes SLA due dates (T1–T4). A clock counts from the moment the customer posted the complaint, not from
 * when it reached us: the customer has been waiting since then.
 *
 * <p>Clocks run 24x7 (the playbook's deadlines are wall-clock hours). This class is the one place where a
 * business calendar (opening hours, holidays, the customer's time zone) would plug in: replace {@link #due}
 * by a walk over working time; callers and the BPMN timers stay unchanged. Pure and thread-safe.
 */
public final class DeadlineCalculator {

    private DeadlineCalculator() {}

    /**
     * @param from   the start of the clock, the complaint's postedAt
     * @param within an ISO-8601 duration such as {@code PT1H} or {@code P3D} (from the sla-policy decision)
     */
    public static Instant due(Instant from, String within) {
        if (from == null) {
            throw new IllegalArgumentException("The start of the clock (postedAt) is missing");
        }
        return from.plus(parse(within));
    }

    public static Date due(Date from, String within) {
        if (from == null) {
            throw new IllegalArgumentException("The start of the clock (postedAt) is missing");
        }
        return Date.from(due(from.toInstant(), within));
    }

    /** Parses PnDTnHnMnS durations and date-based periods like P3D or P1W (days are 24 hours: 24x7 clock). */
    static Duration parse(String within) {
        if (within == null || within.isBlank()) {
            throw new IllegalArgumentException("The SLA duration is missing");
        }
        try {
            return Duration.parse(within);
        } catch (DateTimeParseException notADuration) {
            try {
                Period period = Period.parse(within);
                if (period.getYears() != 0 || period.getMonths() != 0) {
                    // Months have no fixed length; an SLA in months would need a calendar.
                    throw new IllegalArgumentException("SLA durations in months or years are not supported: " + within);
                }
                return Duration.ofDays(period.getDays());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("Not an ISO-8601 duration: " + within, e);
            }
        }
    }
}
