package com.complaintdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.insights.Period.Granularity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PeriodTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void weekRunsMondayToSundayInTheSellersZone() {
        // Sunday 2026-11-29 20:00 UTC is already Monday 2026-11-30 04:00 in Shanghai: the next week there
        Period week = Period.containing(Granularity.WEEK, Instant.parse("2026-11-29T20:00:00Z"), SHANGHAI);
        assertThat(week.start()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(week.label()).isEqualTo("2026-W49");
        assertThat(week.from()).isEqualTo(Instant.parse("2026-11-29T16:00:00Z"));
        assertThat(week.to()).isEqualTo(Instant.parse("2026-12-06T16:00:00Z"));
        assertThat(Period.containing(Granularity.WEEK, Instant.parse("2026-11-29T20:00:00Z"), ZoneId.of("UTC"))
                        .label())
                .isEqualTo("2026-W48");
    }

    @Test
    void labelsParseBackToTheirPeriod() {
        for (String label :
                new String[] {"2026-W01", "2026-W53", "2027-W52", "2026-11", "2026-01", "2026-Q1", "2026-Q4"}) {
            assertThat(Period.parse(label, SHANGHAI).label()).isEqualTo(label);
        }
        // ISO week 1 of 2026 starts on Monday 2025-12-29
        assertThat(Period.parse("2026-W01", SHANGHAI).start()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(Period.parse("2026-Q4", SHANGHAI).endExclusive()).isEqualTo(LocalDate.of(2027, 1, 1));
    }

    @Test
    void previousAndNextCrossYears() {
        assertThat(Period.parse("2026-W01", SHANGHAI).previous().label()).isEqualTo("2025-W52");
        assertThat(Period.parse("2026-01", SHANGHAI).previous().label()).isEqualTo("2025-12");
        assertThat(Period.parse("2026-Q4", SHANGHAI).next().label()).isEqualTo("2027-Q1");
        assertThat(Period.parse("2026-W53", SHANGHAI).next().label()).isEqualTo("2027-W01");
    }

    @Test
    void aLabelThatNamesNoPeriodSaysWhatALabelLooksLike() {
        assertThatThrownBy(() -> Period.parse("2027-W53", SHANGHAI))
                .hasMessageContaining("week 53 does not exist in 2027");
        assertThatThrownBy(() -> Period.parse("2026-13", SHANGHAI)).hasMessageContaining("'2026-13' is not a period");
        assertThatThrownBy(() -> Period.parse("last week", SHANGHAI))
                .hasMessageContaining("expected a week like 2026-W48");
        assertThatThrownBy(() -> new Period(Granularity.MONTH, LocalDate.of(2026, 11, 2), SHANGHAI))
                .hasMessageContaining("does not start a month");
    }
}
