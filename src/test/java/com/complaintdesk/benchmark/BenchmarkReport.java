package com.complaintdesk.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.core.env.Environment;

/**
 * The benchmark's report: one JSON file per database ({@code h2.json}, {@code postgresql.json}) with every measurement,
 * the machine and the settings measured with; from all of them {@code report.json} and {@code report.md}, each target
 * with its measured value, met or not and by how much.
 */
final class BenchmarkReport {

    static final List<String> SETTINGS = List.of(
            "camunda.bpm.history-level",
            "camunda.bpm.job-execution.core-pool-size",
            "camunda.bpm.job-execution.max-pool-size",
            "camunda.bpm.job-execution.queue-capacity",
            "camunda.bpm.job-execution.max-jobs-per-acquisition",
            "camunda.bpm.job-execution.wait-time-in-millis",
            "camunda.bpm.job-execution.max-wait",
            "camunda.bpm.job-execution.backoff-time-in-millis",
            "camunda.bpm.job-execution.max-backoff",
            "camunda.bpm.generic-properties.properties.job-executor-acquire-by-due-date",
            "camunda.bpm.generic-properties.properties.job-executor-prefer-timer-jobs",
            "camunda.bpm.generic-properties.properties.history-cleanup-strategy",
            "camunda.bpm.generic-properties.properties.history-removal-time-strategy",
            "spring.datasource.hikari.maximum-pool-size",
            "server.tomcat.threads.max",
            "complaintdesk.lifecycle.review-request-cool-off");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final BenchmarkSettings settings;
    private final String database;
    private final Map<String, Object> run = new LinkedHashMap<>();
    private final Map<String, Object> parts = new LinkedHashMap<>();

    BenchmarkReport(BenchmarkSettings settings, String database, Environment environment) {
        this.settings = settings;
        this.database = database;
        run.put("database", database);
        run.put("mode", settings.mode());
        run.put("startedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        run.put("machine", machine());
        Map<String, Object> configured = new LinkedHashMap<>();
        for (String key : SETTINGS) {
            configured.put(key, environment.getProperty(key, "(default)"));
        }
        run.put("settings", configured);
    }

    void part(String name, Map<String, Object> result) {
        parts.put(name, result);
    }

    /** Writes this database's file and regenerates report.json and report.md from every database's file; the report. */
    JsonNode write() {
        try {
            Path dir = settings.reportDirectory();
            Files.createDirectories(dir);
            run.put("finishedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            run.put("loadAverageAtEnd", loadAverage());
            run.put("parts", parts);
            ObjectNode own = JSON.valueToTree(run);
            own.set("targets", targets(own));
            JSON.writeValue(dir.resolve(database + ".json").toFile(), own);

            ObjectNode report = JSON.createObjectNode();
            report.put(
                    "generatedAt", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            report.put(
                    "command",
                    "./mvnw -B -Pbenchmark verify (or .ci/benchmark, which also creates and drops a PostgreSQL database)");
            ObjectNode databases = report.putObject("databases");
            for (String db : List.of("h2", "postgresql")) {
                Path file = dir.resolve(db + ".json");
                if (Files.exists(file)) {
                    databases.set(db, JSON.readTree(file.toFile()));
                }
            }
            JSON.writeValue(dir.resolve("report.json").toFile(), report);
            Files.writeString(dir.resolve("report.md"), markdown(report));
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** In the H2 run, which comes first, the files of an earlier run are removed so they never mix with this one. */
    void startFresh() {
        Path dir = settings.reportDirectory();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ----------------------------------------------------------------------------------------------------- targets

    /** The targets of issue #8 that apply to this database, each with the value measured. */
    private ArrayNode targets(JsonNode r) {
        boolean postgres = "postgresql".equals(database);
        ArrayNode t = JSON.createArrayNode();
        JsonNode p = r.path("parts");
        for (int clients : LifecycleBenchmark.CLIENTS) {
            add(
                    t,
                    "lifecycle",
                    "application ÷ baseline cases/s, " + clients + " client(s)",
                    ">=",
                    0.8,
                    p.at("/lifecycle/ratioToBaseline/clients" + clients),
                    "");
        }
        if (postgres) {
            add(
                    t,
                    "lifecycle",
                    "complaint lifecycles/s, 4 clients",
                    ">=",
                    60,
                    p.at("/lifecycle/application/clients4/casesPerSecond"),
                    "/s");
        }
        add(
                t,
                "slaTimers",
                "lateness p99, " + p.at("/slaTimers/burst/deadlines").asInt() + " deadlines within "
                        + p.at("/slaTimers/burst/windowSeconds").asInt() + " s",
                "<=",
                1000,
                p.at("/slaTimers/burst/lateness/p99Ms"),
                " ms");
        add(
                t,
                "slaTimers",
                "lateness p99, single deadline on an idle engine",
                "<=",
                1000,
                p.at("/slaTimers/idle/lateness/p99Ms"),
                " ms");
        if (postgres) {
            for (String lookup : AuditBenchmark.LOOKUPS) {
                add(t, "audit", lookup + " p95", "<=", 20, p.at("/audit/lookups/" + lookup + "/p95Ms"), " ms");
            }
            add(
                    t,
                    "intake",
                    "latency p99 at " + p.at("/intake/requestsPerSecond").asInt(50) + " requests/s",
                    "<=",
                    50,
                    p.at("/intake/latency/p99Ms"),
                    " ms");
            add(t, "intake", "errors", "<=", 0, p.at("/intake/errors"), "");
            add(t, "intake", "heap after GC", "<=", 512, p.at("/intake/memory/heapAfterGcMb"), " MB");
        }
        return t;
    }

    private static void add(
            ArrayNode targets,
            String part,
            String measure,
            String comparison,
            double target,
            JsonNode measured,
            String unit) {
        ObjectNode n = targets.addObject();
        n.put("part", part);
        n.put("measure", measure);
        n.put("target", (">=".equals(comparison) ? "≥ " : "≤ ") + number(target) + unit);
        n.put("unit", unit.trim());
        if (!measured.isNumber()) {
            n.putNull("actual");
            n.put("met", false);
            n.put("by", "not measured (the part failed or did not run, see below)");
            return;
        }
        double actual = measured.asDouble();
        boolean met = ">=".equals(comparison) ? actual >= target : actual <= target;
        n.put("actual", actual);
        n.put("met", met);
        double margin = actual - target;
        n.put("margin", Math.round(margin * 100) / 100.0);
        String by;
        if (target == 0) {
            by = met ? "none" : number(actual) + unit + " too many";
        } else if (met) {
            by = "met with " + number(Math.abs(margin)) + unit + " to spare (" + percent(Math.abs(margin) / target)
                    + ")";
        } else {
            by = "missed by " + number(Math.abs(margin)) + unit + " (" + percent(Math.abs(margin) / target)
                    + " of the target)";
        }
        n.put("by", by);
    }

    // ----------------------------------------------------------------------------------------------------- machine

    private static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpuModel());
        m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        m.put(
                "jvmArguments",
                ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(a -> a.startsWith("-X") || a.startsWith("-XX"))
                        .toList());
        m.put(
                "garbageCollectors",
                ManagementFactory.getGarbageCollectorMXBeans().stream()
                        .map(GarbageCollectorMXBean::getName)
                        .toList());
        m.put("loadAverageAtStart", loadAverage());
        return m;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException unavailable) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown");
        } catch (IOException unavailable) {
            return "unknown";
        }
    }

    // ---------------------------------------------------------------------------------------------------- markdown

    static String markdown(JsonNode report) {
        StringBuilder md = new StringBuilder("# Complaint Desk benchmark\n\n");
        md.append("Generated ")
                .append(report.path("generatedAt").asText())
                .append(" by `")
                .append(report.path("command").asText())
                .append("`. Issue #8; what each part measures is in the README's ")
                .append("Benchmark section.\n");
        report.path("databases").fields().forEachRemaining(e -> database(md, e.getKey(), e.getValue()));
        return md.toString();
    }

    private static void database(StringBuilder md, String name, JsonNode r) {
        JsonNode machine = r.path("machine");
        md.append("\n## ")
                .append("postgresql".equals(name) ? "PostgreSQL" : "H2")
                .append(" (")
                .append(r.path("mode").asText())
                .append(" run, ")
                .append(r.path("startedAt").asText())
                .append(" – ")
                .append(r.path("finishedAt").asText())
                .append(")\n\n");
        md.append("Machine: ")
                .append(machine.path("cores").asInt())
                .append(" cores (")
                .append(machine.path("cpu").asText())
                .append("), ")
                .append(machine.path("jvm").asText())
                .append(", max heap ")
                .append(machine.path("maxHeapMb").asLong())
                .append(" MB, JVM options ")
                .append(machine.path("jvmArguments"))
                .append(", GC ")
                .append(machine.path("garbageCollectors"))
                .append(". Load average at start `")
                .append(machine.path("loadAverageAtStart").asText())
                .append("`, at end `")
                .append(r.path("loadAverageAtEnd").asText())
                .append("`.\n\n");
        md.append("Settings: ");
        List<String> settings = new ArrayList<>();
        r.path("settings")
                .fields()
                .forEachRemaining(
                        s -> settings.add("`" + s.getKey() + "`=" + s.getValue().asText()));
        md.append(String.join(", ", settings)).append(".\n\n");

        md.append(
                "### Targets\n\n| part | measure | target | measured | met | by how much |\n|---|---|---|---|---|---|\n");
        for (JsonNode t : r.path("targets")) {
            md.append("| ")
                    .append(t.path("part").asText())
                    .append(" | ")
                    .append(t.path("measure").asText())
                    .append(" | ")
                    .append(t.path("target").asText())
                    .append(" | ")
                    .append(
                            t.path("actual").isNumber()
                                    ? number(t.path("actual").asDouble())
                                    : "–")
                    .append(
                            t.path("unit").asText().isEmpty()
                                    ? ""
                                    : " " + t.path("unit").asText())
                    .append(" | ")
                    .append(t.path("met").asBoolean() ? "yes" : "**no**")
                    .append(" | ")
                    .append(t.path("by").asText())
                    .append(" |\n");
        }
        JsonNode p = r.path("parts");
        p.fields().forEachRemaining(part -> {
            if (part.getValue().has("failed")) {
                md.append("\n**Part `")
                        .append(part.getKey())
                        .append("` failed:** ")
                        .append(part.getValue().path("failed").asText())
                        .append("\n");
            }
        });

        JsonNode lifecycle = p.path("lifecycle");
        md.append("\n### Lifecycle throughput\n\n")
                .append(lifecycle.path("userTasksPerCase").asInt())
                .append(" user tasks per case; warm-up ")
                .append(lifecycle.path("warmUpSeconds").asInt())
                .append(" s, then ")
                .append(lifecycle.path("measureSecondsPerPhase").asInt())
                .append(" s per phase.\n\n")
                .append("| run | clients | cases started | closed | errors | cases/s | case p50 ms | case p99 ms |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        for (String kind : List.of("application", "baseline")) {
            lifecycle.path(kind).fields().forEachRemaining(e -> {
                JsonNode ph = e.getValue();
                md.append("| ")
                        .append(kind)
                        .append(" | ")
                        .append(ph.path("clients").asInt())
                        .append(" | ")
                        .append(ph.path("casesStarted").asInt())
                        .append(" | ")
                        .append(ph.path("casesClosed").asInt())
                        .append(" | ")
                        .append(ph.path("errors").asInt())
                        .append(" | ")
                        .append(number(ph.path("casesPerSecond").asDouble()))
                        .append(" | ")
                        .append(number(ph.at("/perCase/p50Ms").asDouble()))
                        .append(" | ")
                        .append(number(ph.at("/perCase/p99Ms").asDouble()))
                        .append(" |\n");
            });
        }
        md.append("\nRatio application ÷ baseline: ")
                .append(lifecycle.path("ratioToBaseline"))
                .append(".\n");
        lifecycle.path("application").fields().forEachRemaining(e -> {
            md.append("\nApplication steps, ")
                    .append(e.getValue().path("clients").asInt())
                    .append(" client(s):\n\n| step | count | p50 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
            e.getValue().path("perStep").fields().forEachRemaining(s -> md.append("| ")
                    .append(s.getKey())
                    .append(" | ")
                    .append(s.getValue().path("count").asInt())
                    .append(" | ")
                    .append(number(s.getValue().path("p50Ms").asDouble()))
                    .append(" | ")
                    .append(number(s.getValue().path("p99Ms").asDouble()))
                    .append(" | ")
                    .append(number(s.getValue().path("maxMs").asDouble()))
                    .append(" |\n"));
        });

        JsonNode sla = p.path("slaTimers");
        md.append("\n### SLA timer lateness\n\nFirst response within ")
                .append(sla.path("firstResponseWithin").asText())
                .append(" for the sample complaint; lateness = escalation task created − deadline, for the cases opened"
                        + " before their deadline.\n\n")
                .append(
                        "| run | deadlines | escalation tasks | p50 ms | p99 ms | max ms | notes |\n|---|---|---|---|---|---|---|\n");
        JsonNode burst = sla.path("burst");
        md.append("| ")
                .append(burst.path("deadlines").asInt())
                .append(" due within ")
                .append(burst.path("windowSeconds").asInt())
                .append(" s | ")
                .append(burst.path("casesCreated").asInt())
                .append(" | ")
                .append(burst.path("escalationTasksCreated").asInt())
                .append(" | ")
                .append(latency(burst.path("lateness")))
                .append(" | created in ")
                .append(number(burst.path("creationSeconds").asDouble()))
                .append(" s, ")
                .append(burst.path("createdAfterTheirDeadline").asInt())
                .append(" after their deadline (not in the lateness; with them: ")
                .append(latency(burst.path("latenessIncludingCasesCreatedLate")).replace(" | ", " / "))
                .append(" ms), ")
                .append(burst.path("creationErrors").asInt())
                .append(" errors |\n");
        JsonNode idle = sla.path("idle");
        md.append("| single deadline, idle engine, ")
                .append(idle.path("leadSeconds").asInt())
                .append(" s ahead | ")
                .append(idle.path("deadlines").asInt())
                .append(" | ")
                .append(idle.path("escalationTasksCreated").asInt())
                .append(" | ")
                .append(latency(idle.path("lateness")))
                .append(" | one at a time |\n");

        JsonNode audit = p.path("audit");
        md.append("\n### Audit lookups\n\nSeeded ")
                .append(audit.at("/seeding/cases").asInt())
                .append(" finished cases in ")
                .append(number(audit.at("/seeding/seconds").asDouble()))
                .append(" s (")
                .append(audit.at("/seeding/how").asText())
                .append("); ")
                .append(audit.at("/seeding/casesInTable").asLong())
                .append(" cases in `cd_complaint` in all. Timeline lookups: ")
                .append(audit.path("timelineCases").asText())
                .append(
                        ".\n\n| lookup | example | count | errors | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|\n");
        audit.path("lookups").fields().forEachRemaining(e -> {
            JsonNode l = e.getValue();
            md.append("| ")
                    .append(e.getKey())
                    .append(" | `")
                    .append(l.path("example").asText())
                    .append("` | ")
                    .append(l.path("count").asInt())
                    .append(" | ")
                    .append(l.path("errors").asInt() + l.path("emptyAnswers").asInt())
                    .append(" | ")
                    .append(number(l.path("p50Ms").asDouble()))
                    .append(" | ")
                    .append(number(l.path("p95Ms").asDouble()))
                    .append(" | ")
                    .append(number(l.path("p99Ms").asDouble()))
                    .append(" | ")
                    .append(number(l.path("maxMs").asDouble()))
                    .append(" |\n");
        });

        JsonNode intake = p.path("intake");
        JsonNode memory = intake.path("memory");
        md.append("\n### Intake\n\n")
                .append(intake.path("model").asText())
                .append(". ")
                .append(intake.path("requestsPerSecond").asInt())
                .append(" requests/s for ")
                .append(intake.path("durationSeconds").asInt())
                .append(" s: ")
                .append(intake.path("sent").asInt())
                .append(" of ")
                .append(intake.path("planned").asInt())
                .append(" sent (")
                .append(number(intake.path("achievedPerSecond").asDouble()))
                .append("/s), ")
                .append(intake.path("errors").asInt())
                .append(" errors; latency p50 ")
                .append(number(intake.at("/latency/p50Ms").asDouble()))
                .append(" ms, p95 ")
                .append(number(intake.at("/latency/p95Ms").asDouble()))
                .append(" ms, p99 ")
                .append(number(intake.at("/latency/p99Ms").asDouble()))
                .append(" ms, max ")
                .append(number(intake.at("/latency/maxMs").asDouble()))
                .append(" ms. Heap after GC ")
                .append(memory.path("heapAfterGcMb").asLong())
                .append(" MB (committed ")
                .append(memory.path("heapCommittedMb").asLong())
                .append(" MB), RSS ")
                .append(memory.path("rssMb").asText())
                .append(" MB, peak RSS ")
                .append(memory.path("peakRssMb").asText())
                .append(" MB; ")
                .append(memory.path("note").asText())
                .append(".\n");
    }

    private static String latency(JsonNode l) {
        return number(l.path("p50Ms").asDouble()) + " | "
                + number(l.path("p99Ms").asDouble()) + " | "
                + number(l.path("maxMs").asDouble());
    }

    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12
                ? String.valueOf((long) value)
                : String.format(Locale.ROOT, "%.2f", value).replaceAll("0$", "");
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }
}
