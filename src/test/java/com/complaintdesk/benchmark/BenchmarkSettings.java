package com.complaintdesk.benchmark;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How much the benchmark does: {@code full} (the README's benchmark command, {@code -Pbenchmark}) or {@code smoke}
 * (the test suite: a handful of cases per part, so the benchmark keeps working; its numbers mean nothing). Chosen by
 * the system property {@value #MODE_PROPERTY}.
 */
record BenchmarkSettings(
        String mode,
        Path reportDirectory,
        Duration lifecycleWarmUp,
        Duration lifecycleMeasure,
        int slaTimers,
        Duration slaWindow,
        int slaIdleDeadlines,
        Duration slaIdleLead,
        Duration slaWaitForEscalations,
        int auditCases,
        int auditWarmUpLookups,
        int auditLookups,
        int intakePerSecond,
        Duration intakeDuration,
        java.util.Set<String> parts) {

    static final String MODE_PROPERTY = "complaintdesk.benchmark.mode";
    /** Comma-separated parts to run (lifecycle, slaTimers, intake, audit), e.g. to measure one setting; default all. */
    static final String PARTS_PROPERTY = "complaintdesk.benchmark.parts";

    static final java.util.Set<String> ALL_PARTS = java.util.Set.of("lifecycle", "slaTimers", "intake", "audit");

    /** Where the report goes instead of the mode's directory, e.g. to keep one setting's measurement apart. */
    static final String REPORT_DIRECTORY_PROPERTY = "complaintdesk.benchmark.report-directory";

    static BenchmarkSettings current() {
        BenchmarkSettings chosen = "full".equals(System.getProperty(MODE_PROPERTY)) ? full() : smoke();
        String parts = System.getProperty(PARTS_PROPERTY, "");
        String directory = System.getProperty(REPORT_DIRECTORY_PROPERTY, "");
        return chosen.with(
                directory.isBlank() ? chosen.reportDirectory() : Path.of(directory),
                parts.isBlank() ? chosen.parts() : java.util.Set.of(parts.split("\\s*,\\s*")));
    }

    private BenchmarkSettings with(Path directory, java.util.Set<String> chosen) {
        return new BenchmarkSettings(
                mode,
                directory,
                lifecycleWarmUp,
                lifecycleMeasure,
                slaTimers,
                slaWindow,
                slaIdleDeadlines,
                slaIdleLead,
                slaWaitForEscalations,
                auditCases,
                auditWarmUpLookups,
                auditLookups,
                intakePerSecond,
                intakeDuration,
                chosen);
    }

    boolean runs(String part) {
        return parts.contains(part);
    }

    /** The real run: the counts and rates of issue #8. */
    static BenchmarkSettings full() {
        return new BenchmarkSettings(
                "full",
                Path.of("target", "benchmark"),
                Duration.ofSeconds(20),
                Duration.ofSeconds(30),
                2000,
                Duration.ofSeconds(10),
                5,
                Duration.ofSeconds(3),
                Duration.ofMinutes(4),
                100_000,
                30,
                300,
                50,
                Duration.ofSeconds(60),
                ALL_PARTS);
    }

    /** Seconds long: every part runs, with one or a few of everything. */
    static BenchmarkSettings smoke() {
        return new BenchmarkSettings(
                "smoke",
                Path.of("target", "benchmark-smoke"),
                Duration.ZERO,
                Duration.ZERO,
                12,
                Duration.ofSeconds(2),
                1,
                Duration.ofSeconds(2),
                Duration.ofSeconds(60),
                300,
                1,
                3,
                5,
                Duration.ofSeconds(2),
                ALL_PARTS);
    }

    boolean isFull() {
        return "full".equals(mode);
    }
}
