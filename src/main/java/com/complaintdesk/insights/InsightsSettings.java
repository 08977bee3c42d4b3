package com.complaintdesk.insights;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the complaint analytics (A1–A5).
 *
 * @param zone          the seller's zone: where weeks, months and quarters begin and end
 * @param streakPeriods A2: how many periods running a category must be the top complaint before the owners are
 *                      asked for a systemic fix
 */
@ConfigurationProperties("complaintdesk.insights")
public record InsightsSettings(@DefaultValue("UTC") ZoneId zone, @DefaultValue("3") int streakPeriods) {

    public InsightsSettings {
        if (streakPeriods < 2) {
            throw new IllegalArgumentException(
                    "complaintdesk.insights.streak-periods must be at least 2, not " + streakPeriods);
        }
    }
}
