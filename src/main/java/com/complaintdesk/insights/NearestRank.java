package com.complaintdesk.insights;

import java.util.Arrays;

/**
 * Percentiles by the nearest-rank method: the p-th percentile of n values sorted ascending is the value at rank
 * {@code ceil(p / 100 * n)} (counting from 1), always one of the values themselves. The median is the 50th.
 */
final class NearestRank {

    private NearestRank() {}

    /** The p-th percentile (0 < p ≤ 100) of the values, or null when there are none; the array is sorted in place. */
    static Long percentile(long[] values, int p) {
        if (p <= 0 || p > 100) {
            throw new IllegalArgumentException("a percentile is more than 0 and at most 100, not " + p);
        }
        if (values.length == 0) {
            return null;
        }
        Arrays.sort(values);
        long rank = ((long) p * values.length + 99) / 100; // ceil in integers: no floating-point rounding
        return values[(int) rank - 1];
    }
}
