package com.complaintdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import org.junit.jupiter.api.Test;

class DeadlineCalculatorTest {

    static final Instant POSTED = Instant.parse("2025-03-01T23:30:00Z");

    @Test
    void dueIsPostedAtPlusTheDurationAroundTheClock() {
        assertThat(DeadlineCalculator.due(POSTED, "PT1H")).isEqualTo(Instant.parse("2025-03-02T00:30:00Z"));
        assertThat(DeadlineCalculator.due(POSTED, "PT24H")).isEqualTo(Instant.parse("2025-03-02T23:30:00Z"));
    }

    @Test
    void daysArePeriodsOf24Hours() {
        assertThat(DeadlineCalculator.due(POSTED, "P3D")).isEqualTo(Instant.parse("2025-03-04T23:30:00Z"));
        assertThat(DeadlineCalculator.due(POSTED, "P1DT2H")).isEqualTo(Instant.parse("2025-03-03T01:30:00Z"));
    }

    @Test
    void worksOnDates() {
        assertThat(DeadlineCalculator.due(Date.from(POSTED), "PT4H"))
                .isEqualTo(Date.from(Instant.parse("2025-03-02T03:30:00Z")));
    }

    @Test
    void refusesWhatIsNoDurationOrHasNoFixedLength() {
        assertThatThrownBy(() -> DeadlineCalculator.due(POSTED, "4 hours"))
                .hasMessageContaining("Not an ISO-8601 duration");
        assertThatThrownBy(() -> DeadlineCalculator.due(POSTED, "P1M")).hasMessageContaining("months");
        assertThatThrownBy(() -> DeadlineCalculator.due(POSTED, null)).hasMessageContaining("missing");
        assertThatThrownBy(() -> DeadlineCalculator.due((Instant) null, "PT1H")).hasMessageContaining("postedAt");
    }
}
