package com.complaintdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.support.AppTest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@AppTest
class SlaEventsAppTest {

    private static final OffsetDateTime POSTED_AT = OffsetDateTime.parse("2026-11-23T09:15:00+08:00");

    @Autowired
    SlaEvents events;

    @Test
    void forCaseReturnsTheClocksHistoryInTheOrderItHappenedInUtc() {
        String caseId = UUID.randomUUID().toString();
        SlaEvent started = new SlaEvent(
                caseId,
                "pi-1",
                SlaEvent.FIRST_RESPONSE,
                SlaEvent.STARTED,
                "T3",
                POSTED_AT.plusHours(24),
                POSTED_AT.plusMinutes(1),
                null);
        SlaEvent restarted = new SlaEvent(
                caseId,
                "pi-1",
                SlaEvent.FIRST_RESPONSE,
                SlaEvent.RESTARTED,
                "T1",
                POSTED_AT.plusHours(1),
                POSTED_AT.plusMinutes(20),
                "sam");
        SlaEvent breached = new SlaEvent(
                caseId,
                "pi-1",
                SlaEvent.FIRST_RESPONSE,
                SlaEvent.BREACHED,
                "T1",
                POSTED_AT.plusHours(1),
                POSTED_AT.plusHours(1),
                null);
        SlaEvent stopped = new SlaEvent(
                caseId, "pi-1", SlaEvent.FIRST_RESPONSE, SlaEvent.STOPPED, "T1", null, POSTED_AT.plusHours(2), "ana");
        events.record(breached);
        events.record(stopped);
        events.record(started);
        events.record(restarted);
        events.record(new SlaEvent(
                UUID.randomUUID().toString(),
                "pi-2",
                SlaEvent.RESOLUTION,
                SlaEvent.STARTED,
                "T2",
                POSTED_AT.plusDays(2),
                POSTED_AT,
                null));

        assertThat(events.forCase(caseId)).containsExactly(utc(started), utc(restarted), utc(breached), utc(stopped));
    }

    @Test
    void recordRefusesAClockOrEventOutsideTheSharedKeys() {
        assertThatThrownBy(
                        () -> new SlaEvent("c", null, "first-response", SlaEvent.STARTED, "T1", null, POSTED_AT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first-response");
        assertThatThrownBy(() -> new SlaEvent("c", null, SlaEvent.RESOLUTION, "escalated", "T1", null, POSTED_AT, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("escalated");
    }

    private static SlaEvent utc(SlaEvent e) {
        return new SlaEvent(
                e.caseId(),
                e.processInstanceId(),
                e.clock(),
                e.event(),
                e.tier(),
                e.dueAt() == null ? null : e.dueAt().withOffsetSameInstant(ZoneOffset.UTC),
                e.occurredAt().withOffsetSameInstant(ZoneOffset.UTC),
                e.actor());
    }
}
