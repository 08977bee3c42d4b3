package com.complaintdesk.evidence;

import com.complaintdesk.lifecycle.HistorySettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes the evidence chains of cases closed longer ago than the evidence retention (default seven years), the
 * only way evidence ever leaves the store (X4, E6). A chain that does not verify is kept and logged at every run, so
 * that someone looks at it before it goes. The retention must be longer than the history time to live: the process
 * history may go, the evidence stays for a late dispute.
 */
@Component
public class EvidenceRetention {

    private static final Logger log = LoggerFactory.getLogger(EvidenceRetention.class);

    private final EvidenceStore evidence;
    private final EvidenceSettings settings;
    private final Clock clock = Clock.systemUTC();

    EvidenceRetention(EvidenceStore evidence, EvidenceSettings settings, HistorySettings history) {
        this.evidence = evidence;
        this.settings = settings;
        LocalDate from = LocalDate.of(2000, 1, 1);
        if (!from.plus(settings.retention()).isAfter(from.plusDays(history.timeToLiveDays()))) {
            throw new IllegalStateException("complaintdesk.evidence.retention (" + settings.retention()
                    + ") must be longer than complaintdesk.history.time-to-live (" + history.timeToLive() + ")");
        }
    }

    /** What one run did: how many chains of each outcome. */
    public record Run(OffsetDateTime closedBefore, Map<EvidenceStore.PurgeOutcome, Integer> outcomes) {

        public int count(EvidenceStore.PurgeOutcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }
    }

    /** Purges, one case per transaction, up to a batch of the chains whose retention is over at {@code now}. */
    public Run purgeDue(OffsetDateTime now) {
        OffsetDateTime closedBefore = now.minus(settings.retention());
        List<String> due = evidence.dueForPurge(closedBefore, settings.purge().batchSize());
        Map<EvidenceStore.PurgeOutcome, Integer> outcomes = new EnumMap<>(EvidenceStore.PurgeOutcome.class);
        for (String caseId : due) {
            EvidenceStore.PurgeOutcome outcome;
            try {
                outcome = evidence.purge(caseId, closedBefore, now);
            } catch (RuntimeException e) {
                log.error("Evidence of case {} could not be purged; the next run tries again", caseId, e);
                continue;
            }
            if (outcome == EvidenceStore.PurgeOutcome.BROKEN) {
                log.warn(
                        "Evidence of case {} is past its retention but its chain does not verify ({}): kept",
                        caseId,
                        evidence.check(caseId, now).verification().reason());
            }
            outcomes.merge(outcome, 1, Integer::sum);
        }
        if (!due.isEmpty()) {
            log.info(
                    "Evidence retention ({}, cases closed before {}): {}",
                    settings.retention(),
                    closedBefore,
                    outcomes);
        }
        return new Run(closedBefore, outcomes);
    }

    /** The daily run, unless the seller turned it off. */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnProperty(
            prefix = "complaintdesk.evidence.purge",
            name = "enabled",
            havingValue = "true",
            matchIfMissing = true)
    static class Schedule {

        private final EvidenceRetention retention;

        Schedule(EvidenceRetention retention) {
            this.retention = retention;
        }

        @Scheduled(cron = "${complaintdesk.evidence.purge.cron:0 30 5 * * *}")
        void purge() {
            retention.purgeDue(OffsetDateTime.now(retention.clock));
        }
    }
}
