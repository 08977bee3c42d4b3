package com.complaintdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Which period ComplaintInsights and the digest report (A1–A3): the one given, or the last complete one before now. */
class InsightsRunsTest {

    private static final InsightsReports SHANGHAI =
            new InsightsReports(null, new InsightsSettings(ZoneId.of("Asia/Shanghai"), 3), null);
    private final InsightsRuns runs = new InsightsRuns(SHANGHAI, null, null);
    private final ProductDigests digests = new ProductDigests(null, SHANGHAI, null);

    /** Monday 2026-11-30 06:00 in Shanghai. */
    private static final OffsetDateTime MONDAY_MORNING = OffsetDateTime.parse("2026-11-29T22:00:00Z");

    @Test
    void withoutALabelTheLastCompleteWeekMonthAndQuarterInTheSellersZoneAreReported() {
        assertThat(runs.period("WEEK", null, MONDAY_MORNING).label()).isEqualTo("2026-W48");
        assertThat(runs.period("week", " ", MONDAY_MORNING).label()).isEqualTo("2026-W48");
        assertThat(runs.period("MONTH", null, MONDAY_MORNING).label()).isEqualTo("2026-10");
        // 1 December 06:00 in Shanghai, still 30 November in UTC: November is complete for the seller
        assertThat(runs.period("MONTH", null, OffsetDateTime.parse("2026-11-30T22:00:00Z"))
                        .label())
                .isEqualTo("2026-11");
        assertThat(digests.quarter(null, OffsetDateTime.parse("2026-12-31T23:00:00Z"))
                        .label())
                .isEqualTo("2026-Q4");
    }

    @Test
    void aLabelNamesThePeriodReported() {
        assertThat(runs.period("WEEK", "2026-W40", MONDAY_MORNING).from())
                .isEqualTo(OffsetDateTime.parse("2026-09-28T00:00:00+08:00").toInstant());
        assertThat(runs.period("MONTH", "2025-02", MONDAY_MORNING).label()).isEqualTo("2025-02");
        assertThat(digests.quarter("2025-Q1", MONDAY_MORNING).label()).isEqualTo("2025-Q1");
    }

    @Test
    void aWrongGranularityOrLabelIsRefusedSayingWhatIsExpected() {
        assertThatThrownBy(() -> runs.period("QUARTER", null, MONDAY_MORNING))
                .hasMessage("granularity must be WEEK or MONTH, not 'QUARTER'");
        assertThatThrownBy(() -> runs.period(null, null, MONDAY_MORNING))
                .hasMessage("granularity must be WEEK or MONTH, not 'null'");
        assertThatThrownBy(() -> runs.period("WEEK", "2026-11", MONDAY_MORNING))
                .hasMessage("periodLabel '2026-11' is not a week (e.g. 2026-W48)");
        assertThatThrownBy(() -> runs.period("MONTH", "November", MONDAY_MORNING))
                .hasMessageContaining("'November' is not a period");
        assertThatThrownBy(() -> digests.quarter("2026-11", MONDAY_MORNING))
                .hasMessage("'2026-11' is not a quarter (expected e.g. 2026-Q3)");
    }
}
