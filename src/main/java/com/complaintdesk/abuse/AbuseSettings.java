package com.complaintdesk.abuse;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the extortion-reviewer defence. The signals and their points are the {@code extortion-risk} decision,
 * which process owners edit; this is only where the sum starts to count as suspected.
 *
 * @param reviewThreshold E1–E6: a case whose summed points reach this goes to a supervisor before any compensation
 */
@ConfigurationProperties("complaintdesk.abuse")
public record AbuseSettings(@DefaultValue("60") int reviewThreshold) {

    public AbuseSettings {
        if (reviewThreshold < 1) {
            throw new IllegalArgumentException(
                    "complaintdesk.abuse.review-threshold must be at least 1, not " + reviewThreshold);
        }
    }
}
