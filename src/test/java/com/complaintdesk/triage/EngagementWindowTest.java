package com.complaintdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** How share and comment growth per hour is measured for the viral-thresholds decision (T6). */
class EngagementWindowTest {

    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant POSTED_AT = Instant.parse("2025-03-01T08:00:00Z");
    private static final EngagementWindow.Point POST = new EngagementWindow.Point(0, 0, POSTED_AT);

    @Test
    void aPostYoungerThanTheWindowCountsAsAWindowOld() {
        EngagementWindow.Measurement m = EngagementWindow.measure(POST, at(20, 80, 30), HOUR);

        assertThat(m.sharesPerHour()).isEqualTo(80.0);
        assertThat(m.commentsPerHour()).isEqualTo(30.0);
        assertThat(m.windowStart()).as("the window still runs from the post").isEqualTo(POST);
    }

    @Test
    void theFirstObservationOfAnOldPostIsItsAverageSinceThePostAndStartsTheNextWindow() {
        EngagementWindow.Point observation = at(10 * 60, 100, 40);

        EngagementWindow.Measurement m = EngagementWindow.measure(POST, observation, HOUR);

        assertThat(m.sharesPerHour()).isEqualTo(10.0);
        assertThat(m.commentsPerHour()).isEqualTo(4.0);
        assertThat(m.windowStart()).isEqualTo(observation);
    }

    @Test
    void manySmallDeliveriesAddUpWithinTheWindow() {
        // a webhook per reaction: two new shares a minute for 25 minutes are 50 within the hour
        EngagementWindow.Point start = at(120, 10, 0);
        EngagementWindow.Point windowStart = start;
        EngagementWindow.Measurement m = null;
        for (int minute = 1; minute <= 25; minute++) {
            m = EngagementWindow.measure(windowStart, at(120 + minute, 10 + 2 * minute, 0), HOUR);
            windowStart = m.windowStart();
        }

        assertThat(windowStart).isEqualTo(start);
        assertThat(m.sharesPerHour()).isEqualTo(50.0);
    }

    @Test
    void aFewSharesSecondsApartAreNeverExtrapolatedToAnHour() {
        EngagementWindow.Point start = at(120, 10, 5);
        EngagementWindow.Point tenSecondsLater =
                new EngagementWindow.Point(12, 6, start.at().plusSeconds(10));

        EngagementWindow.Measurement m = EngagementWindow.measure(start, tenSecondsLater, HOUR);

        assertThat(m.sharesPerHour()).isEqualTo(2.0);
        assertThat(m.commentsPerHour()).isEqualTo(1.0);
    }

    @Test
    void anObservationAWholeWindowAfterTheStartIsMeasuredOverThatSpanAndStartsTheNextWindow() {
        EngagementWindow.Point start = at(120, 10, 5);
        EngagementWindow.Point ninetyMinutesLater = at(210, 70, 35);

        EngagementWindow.Measurement m = EngagementWindow.measure(start, ninetyMinutesLater, HOUR);

        assertThat(m.sharesPerHour()).isCloseTo(40.0, within(1e-9));
        assertThat(m.commentsPerHour()).isCloseTo(20.0, within(1e-9));
        assertThat(m.windowStart()).isEqualTo(ninetyMinutesLater);
    }

    @Test
    void countsBelowTheWindowStartAreNoGrowth() {
        EngagementWindow.Measurement m = EngagementWindow.measure(at(120, 10, 5), at(130, 8, 3), HOUR);

        assertThat(m.sharesPerHour()).isZero();
        assertThat(m.commentsPerHour()).isZero();
    }

    @Test
    void theWindowMustBePositive() {
        assertThatThrownBy(() -> EngagementWindow.measure(POST, at(10, 1, 1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountThatWentDownKeepsItsPeak() {
        Engagement before = new Engagement(40, 12, 9);
        Engagement after = new Engagement(39, 15, 7);

        assertThat(before.highest(after)).isEqualTo(new Engagement(40, 15, 9));
        assertThat(after.anyAbove(before)).isTrue();
        assertThat(new Engagement(39, 12, 9).anyAbove(before)).isFalse();
        assertThatThrownBy(() -> new Engagement(0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static EngagementWindow.Point at(int minutesAfterPost, int shares, int comments) {
        return new EngagementWindow.Point(shares, comments, POSTED_AT.plus(Duration.ofMinutes(minutesAfterPost)));
    }
}
