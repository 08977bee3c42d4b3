package com.complaintdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NearestRankTest {

    @Test
    void percentileIsTheValueAtRankCeilingOfPTimesNOverAHundred() {
        // ten values: the median is the 5th, p90 the 9th, p91 the 10th
        long[] values = {100, 10, 90, 20, 80, 30, 70, 40, 60, 50};
        assertThat(NearestRank.percentile(values, 50)).isEqualTo(50);
        assertThat(NearestRank.percentile(values, 90)).isEqualTo(90);
        assertThat(NearestRank.percentile(values, 91)).isEqualTo(100);
        assertThat(NearestRank.percentile(values, 100)).isEqualTo(100);
        assertThat(NearestRank.percentile(values, 1)).isEqualTo(10);
    }

    @Test
    void oddCountsRoundTheRankUpAndOneValueIsEveryPercentile() {
        assertThat(NearestRank.percentile(new long[] {3, 1, 2}, 50)).isEqualTo(2);
        assertThat(NearestRank.percentile(new long[] {5, 1, 4, 2}, 50)).isEqualTo(2);
        assertThat(NearestRank.percentile(new long[] {5, 1, 4, 2}, 90)).isEqualTo(5);
        assertThat(NearestRank.percentile(new long[] {42}, 90)).isEqualTo(42);
        assertThat(NearestRank.percentile(new long[] {42}, 50)).isEqualTo(42);
    }

    @Test
    void noValuesHaveNoPercentileAndPMustBeAPercentage() {
        assertThat(NearestRank.percentile(new long[0], 50)).isNull();
        assertThatThrownBy(() -> NearestRank.percentile(new long[] {1}, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NearestRank.percentile(new long[] {1}, 101))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
