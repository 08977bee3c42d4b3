package com.complaintdesk.triage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the triage module. The thresholds themselves are the {@code viral-thresholds} decision, which
 * process owners edit; this is only how the growth it reads is measured.
 *
 * @param engagementWindow T6: the span over which share and comment growth is measured (ISO-8601, e.g. PT1H);
 *     growth over a shorter span counts as over this span
 */
@ConfigurationProperties("complaintdesk.triage")
public record TriageSettings(@DefaultValue("PT1H") Duration engagementWindow) {

    public TriageSettings {
        if (engagementWindow == null || engagementWindow.isNegative() || engagementWindow.isZero()) {
            throw new IllegalArgumentException(
                    "complaintdesk.triage.engagement-window must be positive, not " + engagementWindow);
        }
    }
}
