package com.complaintdesk.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Durations of one measured thing, collected from any thread; summarised as count, p50, p95, p99 and max in ms. */
final class Latencies {

    private final List<Long> nanos = new ArrayList<>();

    synchronized void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    synchronized int count() {
        return nanos.size();
    }

    /** The nearest-rank percentile (0 < p ≤ 100) in milliseconds; 0 when nothing was measured. */
    synchronized double percentileMillis(double p) {
        if (nanos.isEmpty()) {
            return 0;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return millis(sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))]);
    }

    synchronized Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", nanos.size());
        s.put("p50Ms", round(percentileMillis(50)));
        s.put("p95Ms", round(percentileMillis(95)));
        s.put("p99Ms", round(percentileMillis(99)));
        s.put("maxMs", round(percentileMillis(100)));
        s.put(
                "meanMs",
                round(
                        nanos.isEmpty()
                                ? 0
                                : millis((long) nanos.stream()
                                        .mapToLong(Long::longValue)
                                        .average()
                                        .orElse(0))));
        return s;
    }

    static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    static double round(double value) {
        return Math.round(value * 10.0) / 10.0;
    }
}
