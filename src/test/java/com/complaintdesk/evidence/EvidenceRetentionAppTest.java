package com.complaintdesk.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.lifecycle.HistorySettings;
import com.complaintdesk.support.AppTest;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The evidence retention (X4, E6): chains of cases closed longer ago than the retention (seven years by default)
 * are purged as a whole, through the one path the databases' append-only guards allow, leaving the chain's head;
 * younger, open and broken chains stay.
 */
@AppTest
class EvidenceRetentionAppTest {

    @Autowired
    EvidenceRetention retention;

    @Autowired
    EvidenceStore evidence;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);

    @Test
    void theChainOfACaseClosedLongerAgoThanTheRetentionIsPurgedAndItsHeadRemains() {
        String expired = caseWithEvidence(now.minusYears(8));
        String young = caseWithEvidence(now.minusYears(6));
        String open = caseWithEvidence(null);
        ChainHead before = evidence.head(expired).orElseThrow();

        EvidenceRetention.Run run = retention.purgeDue(now);

        assertThat(run.closedBefore()).isEqualTo(now.minusYears(7));
        assertThat(run.count(EvidenceStore.PurgeOutcome.PURGED)).isPositive();
        assertThat(evidence.forCase(expired)).isEmpty();
        ChainHead after = evidence.head(expired).orElseThrow();
        assertThat(after.lastSeq()).isEqualTo(3);
        assertThat(after.lastSha256()).isEqualTo(before.lastSha256());
        assertThat(after.purgedAt()).isEqualTo(now);
        EvidenceVerification verification = evidence.check(expired, now).verification();
        assertThat(verification.valid()).isTrue();
        assertThat(verification.purgedAt()).isEqualTo(now);
        assertThat(evidence.forCase(young)).hasSize(3);
        assertThat(evidence.forCase(open)).hasSize(3);
        // nothing is kept for the case any more, and a second run leaves it as it is
        assertThatThrownBy(() -> evidence.preserve(expired, "inbound", "inbound:late", "{}", "channel:ebay", now))
                .isInstanceOf(EvidencePurgedException.class);
        assertThat(evidence.purge(expired, now.minusYears(7), now.plusDays(1)))
                .isEqualTo(EvidenceStore.PurgeOutcome.ALREADY_PURGED);
        assertThat(evidence.head(expired).orElseThrow().purgedAt()).isEqualTo(now);
    }

    @Test
    void aChainThatDoesNotVerifyIsKeptPastItsRetention() {
        String tampered = caseWithEvidence(now.minusYears(9));
        String secondId = evidence.forCase(tampered).get(1).id();
        new EvidenceTampering(jdbc, transactions)
                .run("UPDATE cd_evidence SET content = 'nothing happened' WHERE id = :id", "id", secondId);

        retention.purgeDue(now);

        assertThat(evidence.forCase(tampered)).hasSize(3);
        assertThat(evidence.head(tampered).orElseThrow().purgedAt()).isNull();
        assertThat(evidence.purge(tampered, now.minusYears(7), now)).isEqualTo(EvidenceStore.PurgeOutcome.BROKEN);
    }

    @Test
    void aCaseClosedWithinTheRetentionIsNotPurgedEvenWhenAskedDirectly() {
        String recent = caseWithEvidence(now.minusYears(1));

        assertThat(evidence.purge(recent, now.minusYears(7), now)).isEqualTo(EvidenceStore.PurgeOutcome.NOT_DUE);
        assertThat(evidence.forCase(recent)).hasSize(3);
    }

    @Test
    void theEvidenceRetentionMustBeLongerThanTheHistoryTimeToLive() {
        HistorySettings history = new HistorySettings("P365D", "01:00", "05:00");
        EvidenceSettings.Purge purge = new EvidenceSettings.Purge(true, "0 30 5 * * *", 500);

        assertThatThrownBy(
                        () -> new EvidenceRetention(evidence, new EvidenceSettings(Period.ofDays(365), purge), history))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be longer");
        new EvidenceRetention(evidence, new EvidenceSettings(Period.ofDays(366), purge), history);
    }

    /** A case (closed then, or open when {@code closedAt} is null) with three items of evidence. */
    private String caseWithEvidence(OffsetDateTime closedAt) {
        String caseId = UUID.randomUUID().toString();
        String externalId = "ret-" + caseId;
        OffsetDateTime postedAt = closedAt == null ? now.minusDays(1) : closedAt.minusDays(3);
        jdbc.sql(
                        """
                INSERT INTO cd_complaint (id, channel, external_id, business_key, posted_at, received_at, language, text,
                                          customer_id, payload, status, closed_at)
                VALUES (:id, 'web', :externalId, :businessKey, :postedAt, :postedAt, 'en', 'The mug arrived broken.',
                        'cust-1', '{}', :status, :closedAt)
                """)
                .param("id", caseId)
                .param("externalId", externalId)
                .param("businessKey", "web:" + externalId)
                .param("postedAt", postedAt)
                .param("status", closedAt == null ? "open" : "closed")
                .param("closedAt", closedAt)
                .update();
        evidence.preserve(caseId, "complaint", "complaint", "{\"text\":\"The mug arrived broken.\"}", "ana", postedAt);
        evidence.preserve(caseId, "order", "{\"orderId\":\"ord-7\"}", "ana", postedAt.plusHours(1));
        evidence.preserve(caseId, "order", "{\"orderId\":\"ord-7\",\"step\":\"closure\"}", "ana", postedAt.plusDays(2));
        return caseId;
    }
}
