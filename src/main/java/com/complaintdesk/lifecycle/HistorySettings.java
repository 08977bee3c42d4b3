package com.complaintdesk.lifecycle;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Camunda keeps a finished case's history, and when it cleans up (the engine reads the same keys, see
 * application.yaml).
 *
 * @param timeToLive days, as Camunda takes them: {@code P365D} or {@code 365}; for every process and decision that
 *     does not set its own {@code historyTimeToLive} in Modeler
 * @param cleanupWindowStart the daily cleanup window's start, server time, {@code HH:mm}
 * @param cleanupWindowEnd its end
 */
@ConfigurationProperties("complaintdesk.history")
public record HistorySettings(
        @DefaultValue("P365D") String timeToLive,
        @DefaultValue("01:00") String cleanupWindowStart,
        @DefaultValue("05:00") String cleanupWindowEnd) {

    private static final Pattern DAYS = Pattern.compile("(\\d+)|P(\\d+)D");

    public HistorySettings {
        timeToLiveDays(timeToLive);
    }

    /** The time to live in days. */
    public int timeToLiveDays() {
        return timeToLiveDays(timeToLive);
    }

    private static int timeToLiveDays(String value) {
        Matcher days = value == null ? null : DAYS.matcher(value.strip());
        if (days == null || !days.matches()) {
            throw new IllegalArgumentException(
                    "complaintdesk.history.time-to-live must be days as P365D or 365, not " + value);
        }
        return Integer.parseInt(days.group(1) != null ? days.group(1) : days.group(2));
    }
}
