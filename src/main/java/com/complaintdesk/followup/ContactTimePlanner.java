package com.complaintdesk.followup;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * F6: when to contact a customer so it is a sensible hour where they are. Inside the contact hours the answer is
 * now; at night it is the next morning's first contact hour in the customer's time zone. An unknown time zone
 * counts as UTC. Pure.
 */
public final class ContactTimePlanner {

    private final int startHour;
    private final int endHour;

    public ContactTimePlanner(int startHour, int endHour) {
        if (startHour < 0 || endHour > 24 || startHour >= endHour) {
            throw new IllegalArgumentException(
                    "Contact hours must satisfy 0 <= start < end <= 24, were " + startHour + "–" + endHour);
        }
        this.startHour = startHour;
        this.endHour = endHour;
    }

    /** The first instant at or after {@code earliest} that lies within the contact hours in {@code timezone}. */
    public Instant next(Instant earliest, String timezone) {
        ZonedDateTime local = earliest.atZone(zone(timezone));
        int hour = local.getHour();
        if (hour >= startHour && hour < endHour) {
            return earliest;
        }
        ZonedDateTime morning = local.with(LocalTime.of(startHour, 0));
        if (hour >= endHour) {
            morning = morning.plusDays(1);
        }
        return morning.toInstant();
    }

    public static ZoneId zone(String timezone) {
        try {
            return timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }
}
