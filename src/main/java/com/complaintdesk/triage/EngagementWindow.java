package com.complaintdesk.triage;

import java.time.Duration;
import java.time.Instant;

/**
 * T6: how fast a post gains shares and comments, as the {@code viral-thresholds} decision reads it. Growth is
 * counted from the start of a rate window (the post itself, at first) and divided by the time since, but never by
 * less than the window: a few shares seconds apart are no crisis, while fifty shares within an hour are fifty per
 * hour however many deliveries they came in. Once an observation is a whole window after the start, it starts the
 * next window. Pure.
 */
final class EngagementWindow {

    private static final double SECONDS_PER_HOUR = 3600.0;

    private EngagementWindow() {}

    /** Share and comment counts at one instant: a window's start, or an observation. */
    record Point(int shares, int comments, Instant at) {}

    /** The rates an observation shows, and where the window stands after it. */
    record Measurement(double sharesPerHour, double commentsPerHour, Point windowStart) {}

    static Measurement measure(Point windowStart, Point observation, Duration window) {
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("The rate window must be positive, not " + window);
        }
        Duration elapsed = Duration.between(windowStart.at(), observation.at());
        double hours = Math.max(elapsed.toMillis(), window.toMillis()) / 1000.0 / SECONDS_PER_HOUR;
        double sharesPerHour = Math.max(0, observation.shares() - windowStart.shares()) / hours;
        double commentsPerHour = Math.max(0, observation.comments() - windowStart.comments()) / hours;
        Point next = elapsed.compareTo(window) >= 0 ? observation : windowStart;
        return new Measurement(sharesPerHour, commentsPerHour, next);
    }
}
