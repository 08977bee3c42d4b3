package com.complaintdesk.insights;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period (A1–A3): an ISO week (Monday to Sunday), a calendar month or a quarter, in the seller's zone.
 * Its label is how people and URLs name it: {@code 2026-W48}, {@code 2026-11}, {@code 2026-Q4}.
 */
public record Period(Granularity granularity, LocalDate start, ZoneId zone) {

    /** How long a period is. */
    public enum Granularity {
        WEEK,
        MONTH,
        QUARTER
    }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");

    public Period {
        if (!start.equals(startOf(granularity, start))) {
            throw new IllegalArgumentException(
                    start + " does not start a " + granularity.name().toLowerCase());
        }
    }

    /** The period of the given length that holds {@code instant} in {@code zone}. */
    public static Period containing(Granularity granularity, Instant instant, ZoneId zone) {
        return new Period(granularity, startOf(granularity, LocalDate.ofInstant(instant, zone)), zone);
    }

    /**
     * The period a label names.
     *
     * @throws IllegalArgumentException saying what a label looks like, when it names no period
     */
    public static Period parse(String label, ZoneId zone) {
        String text = label == null ? "" : label.trim();
        try {
            Matcher m = WEEK.matcher(text);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                int week = Integer.parseInt(m.group(2));
                LocalDate anyDay = LocalDate.of(year, 6, 1);
                if (week < 1
                        || week
                                > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR)
                                        .getMaximum()) {
                    throw new IllegalArgumentException("week " + week + " does not exist in " + year);
                }
                LocalDate monday = anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                return new Period(Granularity.WEEK, monday, zone);
            }
            m = QUARTER.matcher(text);
            if (m.matches()) {
                int quarter = Integer.parseInt(m.group(2));
                return new Period(
                        Granularity.QUARTER, LocalDate.of(Integer.parseInt(m.group(1)), quarter * 3 - 2, 1), zone);
            }
            m = MONTH.matcher(text);
            if (m.matches()) {
                return new Period(
                        Granularity.MONTH,
                        LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1),
                        zone);
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + label + "' is not a period: " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("'" + label
                + "' is not a period (expected a week like 2026-W48, a month like 2026-11 or a quarter like 2026-Q4)");
    }

    private static LocalDate startOf(Granularity granularity, LocalDate day) {
        return switch (granularity) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), day.get(IsoFields.QUARTER_OF_YEAR) * 3 - 2, 1);
        };
    }

    /** The first day after the period. */
    public LocalDate endExclusive() {
        return switch (granularity) {
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
        };
    }

    /** The period's first instant, midnight of its first day in its zone. */
    public Instant from() {
        return start.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period. */
    public Instant to() {
        return endExclusive().atStartOfDay(zone).toInstant();
    }

    public Period previous() {
        return new Period(
                granularity,
                switch (granularity) {
                    case WEEK -> start.minusWeeks(1);
                    case MONTH -> start.minusMonths(1);
                    case QUARTER -> start.minusMonths(3);
                },
                zone);
    }

    public Period next() {
        return new Period(granularity, endExclusive(), zone);
    }

    /** {@code 2026-W48}, {@code 2026-11} or {@code 2026-Q4}. */
    public String label() {
        return switch (granularity) {
            case WEEK ->
                String.format(
                        "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR), start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> String.format("%d-%02d", start.getYear(), start.getMonthValue());
            case QUARTER -> String.format("%d-Q%d", start.getYear(), start.get(IsoFields.QUARTER_OF_YEAR));
        };
    }
}
