package com.complaintdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark of issue #8 against the running application, on H2 and (second Surefire execution) on PostgreSQL:
 * lifecycle throughput against a bare-engine baseline, SLA timer lateness, audit lookups over many finished cases and
 * intake latency, written to {@code report.md} and {@code report.json}. In the test suite it runs in smoke mode (a
 * few cases per part, {@code target/benchmark-smoke/}) and checks that every part is reported and consistent; the
 * README's benchmark command runs it in full ({@code -Pbenchmark}, {@code target/benchmark/}). It never asserts a
 * speed: the targets are in the report, met or not.
 */
@AppTest
class BenchmarkAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Test
    void benchmarkReportsEveryPartWithEveryCaseClosedAndNoErrors() throws Exception {
        BenchmarkSettings settings = BenchmarkSettings.current();
        String database = TestDatabase.onPostgres() ? "postgresql" : "h2";
        BenchmarkReport report = new BenchmarkReport(settings, database, environment);
        if (!TestDatabase.onPostgres()) {
            report.startFresh();
        }
        Tasklist tasklist = new Tasklist(http, engine.getManagementService());

        LifecycleBenchmark lifecycle = new LifecycleBenchmark(tasklist, engine, settings);
        measure(report, settings, "lifecycle", lifecycle::run);
        measure(
                report,
                settings,
                "slaTimers",
                new SlaTimerBenchmark(tasklist, engine.getHistoryService(), jdbc, settings)::run);
        measure(report, settings, "intake", new IntakeBenchmark(http, settings)::run);
        AuditBenchmark audit = new AuditBenchmark(tasklist, jdbc, settings);
        try {
            measure(report, settings, "audit", () -> audit.run(List.copyOf(lifecycle.closedCaseIds)));
        } finally {
            audit.removeSeeded();
        }
        JsonNode written = report.write();

        assertThat(settings.reportDirectory().resolve("report.md")).exists();
        assertThat(Files.readString(settings.reportDirectory().resolve("report.md")))
                .contains(
                        TestDatabase.onPostgres() ? "## PostgreSQL" : "## H2",
                        "### Targets",
                        "### Lifecycle throughput",
                        "### SLA timer lateness",
                        "### Audit lookups",
                        "### Intake");
        if (settings.parts().equals(BenchmarkSettings.ALL_PARTS)) {
            assertConsistent(written.path("databases").path(database), settings);
        }
    }

    /**
     * Runs one part and writes the report so far; a part that breaks down is reported as failed (with why) and the
     * others still run.
     */
    private static void measure(
            BenchmarkReport report, BenchmarkSettings settings, String part, Supplier<Map<String, Object>> run) {
        if (!settings.runs(part)) {
            return;
        }
        try {
            report.part(part, run.get());
        } catch (RuntimeException | AssertionError failed) {
            report.part(part, Map.of("failed", LifecycleBenchmark.firstLine(failed)));
        }
        report.write();
    }

    /** Every part is there and adds up: what was started was closed, nothing failed; speeds are only reported. */
    private static void assertConsistent(JsonNode r, BenchmarkSettings settings) {
        SoftAssertions softly = new SoftAssertions();
        JsonNode p = r.path("parts");
        p.fields().forEachRemaining(part -> softly.assertThat(
                        part.getValue().path("failed").asText())
                .as("part %s failed", part.getKey())
                .isEmpty());
        softly.assertThat(r.path("mode").asText()).isEqualTo(settings.mode());
        softly.assertThat(r.at("/machine/cores").asInt()).isPositive();
        for (String kind : List.of("application", "baseline")) {
            for (int clients : LifecycleBenchmark.CLIENTS) {
                JsonNode phase = p.at("/lifecycle/" + kind + "/clients" + clients);
                softly.assertThat(phase.path("casesStarted").asInt())
                        .as("%s, %d clients: cases started", kind, clients)
                        .isGreaterThanOrEqualTo(clients);
                softly.assertThat(phase.path("casesClosed").asInt())
                        .as("%s, %d clients: cases closed = started", kind, clients)
                        .isEqualTo(phase.path("casesStarted").asInt());
                softly.assertThat(phase.path("errors").asInt())
                        .as("%s, %d clients: errors %s", kind, clients, phase.path("errorKinds"))
                        .isZero();
                softly.assertThat(phase.path("casesPerSecond").asDouble())
                        .as("%s, %d clients: cases/s", kind, clients)
                        .isPositive();
            }
            softly.assertThat(p.at("/lifecycle/ratioToBaseline/clients4").asDouble())
                    .as("ratio")
                    .isPositive();
        }
        softly.assertThat(p.at("/lifecycle/application/clients1/perStep").size())
                .as("steps: intake, 7 × 3, end")
                .isEqualTo(23);

        JsonNode burst = p.at("/slaTimers/burst");
        softly.assertThat(burst.path("casesCreated").asInt())
                .as("SLA cases created")
                .isEqualTo(settings.slaTimers());
        softly.assertThat(burst.path("creationErrors").asInt())
                .as("SLA creation errors")
                .isZero();
        softly.assertThat(burst.path("escalationTasksCreated").asInt())
                .as("escalations, one per deadline")
                .isEqualTo(settings.slaTimers());
        softly.assertThat(burst.at("/latenessIncludingCasesCreatedLate/count").asInt())
                .isEqualTo(settings.slaTimers());
        softly.assertThat(p.at("/slaTimers/idle/escalationTasksCreated").asInt())
                .as("idle escalations")
                .isEqualTo(settings.slaIdleDeadlines());

        for (String lookup : AuditBenchmark.LOOKUPS) {
            JsonNode l = p.at("/audit/lookups/" + lookup);
            softly.assertThat(l.path("count").asInt()).as("%s lookups", lookup).isEqualTo(settings.auditLookups());
            softly.assertThat(l.path("errors").asInt()).as("%s errors", lookup).isZero();
            softly.assertThat(l.path("emptyAnswers").asInt())
                    .as("%s found nothing", lookup)
                    .isZero();
        }
        softly.assertThat(p.at("/audit/seeding/casesInTable").asLong()).isGreaterThanOrEqualTo(settings.auditCases());

        JsonNode intake = p.path("intake");
        softly.assertThat(intake.path("sent").asInt())
                .as("intake requests sent")
                .isEqualTo(intake.path("planned").asInt())
                .isEqualTo((int)
                        (settings.intakePerSecond() * settings.intakeDuration().toSeconds()));
        softly.assertThat(intake.path("errors").asInt())
                .as("intake errors %s", intake.path("errorKinds"))
                .isZero();
        softly.assertThat(intake.at("/memory/heapAfterGcMb").asLong()).isPositive();

        softly.assertThat(r.path("targets").size())
                .as("targets")
                .isEqualTo(TestDatabase.onPostgres() ? 4 + 1 + AuditBenchmark.LOOKUPS.size() + 3 : 4);
        for (JsonNode t : r.path("targets")) {
            softly.assertThat(t.path("met").isBoolean())
                    .as("%s met?", t.path("measure").asText())
                    .isTrue();
            softly.assertThat(t.path("by").asText())
                    .as("%s by how much", t.path("measure").asText())
                    .isNotBlank();
        }
        softly.assertAll();
    }
}
