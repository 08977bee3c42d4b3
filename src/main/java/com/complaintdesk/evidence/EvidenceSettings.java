package com.complaintdesk.evidence;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long evidence is kept (X4, E6), separately from, and longer than, the process history.
 *
 * @param retention how long after a case was closed its evidence chain is kept (ISO-8601 period, e.g. P7Y)
 * @param purge the daily removal of the chains past their retention
 */
@ConfigurationProperties("complaintdesk.evidence")
public record EvidenceSettings(@DefaultValue("P7Y") Period retention, @DefaultValue Purge purge) {

    /**
     * @param enabled whether the purge runs at all
     * @param cron when it runs (Spring cron, server time)
     * @param batchSize at most this many cases per run
     */
    public record Purge(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0 30 5 * * *") String cron,
            @DefaultValue("500") int batchSize) {

        public Purge {
            if (batchSize < 1) {
                throw new IllegalArgumentException(
                        "complaintdesk.evidence.purge.batch-size must be at least 1, not " + batchSize);
            }
        }
    }

    public EvidenceSettings {
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(
                    "complaintdesk.evidence.retention must be a positive period, not " + retention);
        }
    }
}
