package com.complaintdesk.reliability;

import com.complaintdesk.support.Reconciliation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The two-node reliability run (issue #9): two application nodes on one PostgreSQL, scenarios of load and faults,
 * each followed by the reconciliation of {@link Reconciliation}; prints and writes the table scenario | load | fault |
 * result. Started by {@code scripts/reliability.sh}, which owns PostgreSQL and stops whatever is left on exit.
 *
 * <p>Arguments: {@code --short}, {@code --rate} (intake requests a second, 50), {@code --only} (run only the scenarios
 * whose name starts with it, e.g. {@code deployments}), {@code --jar}, {@code --work} (its {@code pids} file lists the nodes started),
 * {@code --out}, {@code --pg-ctl}, {@code --pg-data}, {@code --pg-log}, {@code --pg-port}.
 */
public final class ReliabilityRun {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Reliab1lity-Run!";
    /** The job lock time of the nodes: a job held by a killed node is taken over after it. */
    static final int LOCK_MILLIS = 10_000;

    static final int RATE = 50;

    record Row(String scenario, String load, String fault, boolean passed, String result) {}

    private final Map<String, String> args;
    private final boolean shortRun;
    private final int rate;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final String authorization = "Basic "
            + Base64.getEncoder().encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    private final List<Row> rows = new ArrayList<>();
    private JdbcClient jdbc;
    private Reconciliation reconciliation;
    private ClusterNode nodeA;
    private ClusterNode nodeB;
    private IntakeLoad load;

    private ReliabilityRun(Map<String, String> args) {
        this.args = args;
        this.shortRun = args.containsKey("short");
        this.rate = Integer.parseInt(args.getOrDefault("rate", String.valueOf(RATE)));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String name = argv[i].replaceFirst("^--", "");
            if (name.equals("short")) {
                args.put(name, "true");
            } else {
                args.put(name, argv[++i]);
            }
        }
        ReliabilityRun run = new ReliabilityRun(args);
        boolean passed;
        try {
            passed = run.runAll();
        } finally {
            run.stopNodes();
        }
        System.exit(passed ? 0 : 1);
    }

    private boolean runAll() throws Exception {
        int pgPort = Integer.parseInt(args.get("pg-port"));
        String url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/complaintdesk";
        jdbc = JdbcClient.create(new SimpleDriverDataSource(new org.postgresql.Driver(), url, "postgres", ""));
        reconciliation = new Reconciliation(jdbc);
        Path work = Path.of(args.get("work"));
        Map<String, String> environment = Map.of(
                "COMPLAINTDESK_DB_URL", url,
                "COMPLAINTDESK_DB_USER", "postgres",
                "COMPLAINTDESK_DB_PASSWORD", "",
                "COMPLAINTDESK_ADMIN_USER", ADMIN,
                "COMPLAINTDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        List<String> settings =
                List.of("--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_MILLIS, "--logging.level.root=WARN");
        nodeA = new ClusterNode("node-a", freePort(), Path.of(args.get("jar")), work, environment, settings);
        nodeB = new ClusterNode("node-b", freePort(), Path.of(args.get("jar")), work, environment, settings);
        load = new IntakeLoad(http, List.of(nodeA, nodeB), authorization, true);

        log("starting node-a (creates the schema), then node-b");
        nodeA.start();
        nodeA.awaitHealthy(http, Duration.ofMinutes(5));
        nodeB.start();
        nodeB.awaitHealthy(http, Duration.ofMinutes(5));
        log("both nodes UP: " + nodeA.baseUri() + ", " + nodeB.baseUri());
        // A node just started loads classes and compiles while it takes its first cases; at 50/s on a busy machine the
        // requests pile up behind the connection pool meanwhile. Warm both up at a low rate first, as nodes in service
        // are.
        IntakeLoad.Result warmUp = load.run("rel-warmup-" + UUID.randomUUID(), 5, shortRun ? 10 : 30, null);
        log("warm-up: " + warmUp.summary());

        int seconds = shortRun ? 10 : 120;
        scenario("load", rate + "/s for " + seconds + " s, two nodes", "none", () -> loadScenario(seconds));
        scenario(
                "kill -9 of one node",
                rate + "/s for " + seconds + " s",
                "kill -9 node-a at " + seconds / 3 + " s, restarted after",
                () -> killScenario(seconds));
        scenario(
                "PostgreSQL restarted",
                rate + "/s for " + seconds + " s",
                "pg_ctl restart -m immediate at " + seconds / 3 + " s",
                () -> postgresScenario(seconds));
        int timers = shortRun ? 200 : 2000;
        scenario("cluster timers", timers + " timers PT5S, due together", "none", () -> timerScenario(timers));
        scenario(
                "deployments from either node",
                "restart of each node; deploy-changed-only from both at once",
                "none",
                this::deploymentScenario);
        return report();
    }

    // ---- scenarios -------------------------------------------------------------------------------------------

    private String loadScenario(int seconds) throws Exception {
        IntakeLoad.Result result = load.run("rel-load-" + UUID.randomUUID(), rate, seconds, null);
        check(result.count5xx() == 0, "5xx answers: " + result.statuses());
        check(result.unanswered() == 0, result.unanswered() + " requests unanswered");
        check(result.acknowledged() == result.sent(), "acknowledged " + result.acknowledged() + " of " + result.sent());
        reconcile(result);
        return result.summary() + "; reconciled: " + result.acknowledged() + " cases, " + result.acknowledged()
                + " lifecycle instances";
    }

    private String killScenario(int seconds) throws Exception {
        // timers due just before the kill: node-a dies holding some of them
        TimerProbe probe = timerProbe(shortRun ? 200 : 1000);
        List<String> heldJobs = new ArrayList<>();
        IntakeLoad.Result result;
        String timers;
        try {
            result = load.run("rel-kill-" + UUID.randomUUID(), rate, seconds, () -> {
                Thread.sleep(seconds * 1000L / 3);
                activate(probe);
                Thread.sleep(1500);
                nodeA.kill();
                heldJobs.addAll(jdbc.sql("SELECT ID_ FROM ACT_RU_JOB WHERE LOCK_OWNER_ IS NOT NULL")
                        .query(String.class)
                        .list());
                log("node-a killed; jobs locked at that moment (by either node): " + heldJobs.size());
            });
            check(result.count5xx() == 0, "5xx answers: " + result.statuses());
            check(result.unanswered() == 0, result.unanswered() + " requests unanswered");
            check(
                    result.acknowledged() == result.sent(),
                    "acknowledged " + result.acknowledged() + " of " + result.sent());
            // the jobs node-a held are taken over by node-b once their lock has expired
            awaitFired(probe, Duration.ofMillis(LOCK_MILLIS + 120_000L), Instant.now());
            awaitNoExpiredLocks(Duration.ofSeconds(LOCK_MILLIS / 1000 + 30));
            timers = verifyFiredOnce(probe);
            reconcile(result);
        } finally {
            // the scenarios after this one need both nodes, also when this one failed
            if (!nodeA.alive()) {
                log("restarting node-a");
                nodeA.start();
                nodeA.awaitHealthy(http, Duration.ofMinutes(5));
            }
        }
        return result.summary() + "; " + heldJobs.size() + " timer jobs locked at the kill; all " + probe.count()
                + " timers fired " + timers + "; no expired lock left; reconciled; node-a back UP";
    }

    private String postgresScenario(int seconds) throws Exception {
        long[] downMillis = new long[1];
        // while PostgreSQL is down its 503s are the answers this scenario counts
        IntakeLoad.Result result = load.answeringUnavailable().run("rel-pg-" + UUID.randomUUID(), rate, seconds, () -> {
            Thread.sleep(seconds * 1000L / 3);
            long start = System.nanoTime();
            Process restart = new ProcessBuilder(
                            "runuser",
                            "-u",
                            "postgres",
                            "--",
                            args.get("pg-ctl"),
                            "-D",
                            args.get("pg-data"),
                            "-l",
                            args.get("pg-log"),
                            "-m",
                            "immediate",
                            "-w",
                            "-t",
                            "60",
                            "restart")
                    .inheritIO()
                    .start();
            check(restart.waitFor() == 0, "pg_ctl restart failed");
            downMillis[0] = (System.nanoTime() - start) / 1_000_000;
            log("PostgreSQL restarted (immediate) in " + downMillis[0] + " ms");
        });
        Map<Integer, Integer> otherThan503 = new LinkedHashMap<>(result.statuses());
        otherThan503.keySet().removeIf(status -> status < 500 || status == 503);
        check(otherThan503.isEmpty(), "5xx other than 503 while PostgreSQL was down: " + result.statuses());
        check(result.unanswered() == 0, result.unanswered() + " requests unanswered");
        // full recovery: fresh requests to both nodes are accepted
        Set<String> after = ConcurrentHashMap.newKeySet();
        String prefix = "rel-pg-after-" + UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            int status = load.postOnce(prefix + "-" + i, i, after);
            check(status == 201, "after the restart a complaint was answered " + status);
        }
        Set<String> all = new java.util.HashSet<>(result.acknowledgedCaseIds());
        all.addAll(after);
        reconciliation.verify(all);
        reconciliation.verifyNoneHalfCreated();
        awaitNoExpiredLocks(Duration.ofSeconds(LOCK_MILLIS / 1000 + 30));
        return result.summary() + "; restart took " + downMillis[0] + " ms; then 20 of 20 accepted; reconciled "
                + all.size() + " cases";
    }

    private String timerScenario(int count) throws Exception {
        TimerProbe probe = timerProbe(count);
        Instant activated = Instant.now();
        activate(probe);
        long firedMillis = awaitFired(probe, Duration.ofMinutes(shortRun ? 2 : 5), activated);
        return count + " timers fired within " + firedMillis + " ms of being due; " + verifyFiredOnce(probe);
    }

    /** Instances of a small process waiting at a {@code PT5S} timer, its job definition suspended until {@link TimerProbe#activate}. */
    private TimerProbe timerProbe(int count) throws Exception {
        String key = "reliability-timer-" + Long.toHexString(System.nanoTime());
        String definitionId = deploy(nodeA, key, "reliability-timers", timerProcess(key));
        // timers created while their job definition is suspended stay suspended; activated at once, they are due
        // together
        String jobDefinitionId = get(nodeA, "/engine-rest/job-definition?processDefinitionId=" + definitionId)
                .get(0)
                .get("id")
                .asText();
        put(
                nodeA,
                "/engine-rest/job-definition/" + jobDefinitionId + "/suspended",
                "{\"suspended\":true,\"includeJobs\":true}");
        ExecutorService starters = Executors.newFixedThreadPool(8);
        List<Future<Integer>> starts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ClusterNode node = i % 2 == 0 ? nodeA : nodeB;
            String businessKey = key + "-" + i;
            starts.add(starters.submit(() -> post(
                            node,
                            "/engine-rest/process-definition/" + definitionId + "/start",
                            "{\"businessKey\":\"" + businessKey + "\"}")
                    .statusCode()));
        }
        for (Future<Integer> start : starts) {
            check(start.get() == 200, "starting an instance answered " + start.get());
        }
        starters.shutdown();
        Thread.sleep(6_000); // every PT5S timer is now overdue
        return new TimerProbe(count, definitionId, jobDefinitionId);
    }

    private record TimerProbe(int count, String definitionId, String jobDefinitionId) {}

    private void activate(TimerProbe probe) throws Exception {
        put(
                nodeB,
                "/engine-rest/job-definition/" + probe.jobDefinitionId() + "/suspended",
                "{\"suspended\":false,\"includeJobs\":true}");
    }

    private long awaitFired(TimerProbe probe, Duration timeout, Instant since) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long left;
        while ((left = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE PROCESS_DEF_ID_ = ?", probe.definitionId())) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
        check(left == 0, left + " timers not fired within " + timeout);
        return Duration.between(since, Instant.now()).toMillis();
    }

    /** Each instance's timer completed once, and it made one escalation task; returns which node ran how many. */
    private String verifyFiredOnce(TimerProbe probe) {
        long instances = count("SELECT COUNT(*) FROM ACT_HI_PROCINST WHERE PROC_DEF_ID_ = ?", probe.definitionId());
        check(instances == probe.count(), instances + " instances instead of " + probe.count());
        long notOnce = count(
                "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_ACTINST WHERE PROC_DEF_ID_ = ? AND ACT_ID_ = 'wait'"
                        + " AND END_TIME_ IS NOT NULL GROUP BY PROC_INST_ID_ HAVING COUNT(*) <> 1) t",
                probe.definitionId());
        long completedTimers = count(
                "SELECT COUNT(*) FROM ACT_HI_ACTINST WHERE PROC_DEF_ID_ = ? AND ACT_ID_ = 'wait' AND END_TIME_ IS NOT NULL",
                probe.definitionId());
        long escalations = count(
                "SELECT COUNT(*) FROM ACT_HI_TASKINST WHERE PROC_DEF_ID_ = ? AND TASK_DEF_KEY_ = 'escalate'",
                probe.definitionId());
        long doubledEscalations = count(
                "SELECT COUNT(*) FROM (SELECT PROC_INST_ID_ FROM ACT_HI_TASKINST WHERE PROC_DEF_ID_ = ?"
                        + " AND TASK_DEF_KEY_ = 'escalate' GROUP BY PROC_INST_ID_ HAVING COUNT(*) > 1) t",
                probe.definitionId());
        check(
                notOnce == 0 && completedTimers == probe.count(),
                completedTimers + " completed timer activities for " + probe.count() + " instances; " + notOnce
                        + " instances without exactly one");
        check(
                escalations == probe.count() && doubledEscalations == 0,
                escalations + " escalation tasks for " + probe.count() + " instances, " + doubledEscalations
                        + " instances with more than one");
        Map<String, Long> byNode = new java.util.TreeMap<>();
        jdbc.sql(
                        "SELECT HOSTNAME_, COUNT(*) AS N FROM ACT_HI_JOB_LOG WHERE JOB_DEF_ID_ = ? AND JOB_STATE_ = 2 GROUP BY HOSTNAME_")
                .param(probe.jobDefinitionId())
                .query((rs, n) -> byNode.put(rs.getString(1), rs.getLong(2)))
                .list();
        return "each once (" + completedTimers + " timer activities, " + escalations + " escalation tasks); run by "
                + byNode;
    }

    private String deploymentScenario() throws Exception {
        Map<String, Long> before = versions();
        log("restarting node-a and node-b at once (each deploys the application's resources on start)");
        nodeA.stop();
        nodeB.stop();
        nodeA.start();
        nodeB.start();
        nodeA.awaitHealthy(http, Duration.ofMinutes(5));
        nodeB.awaitHealthy(http, Duration.ofMinutes(5));
        Map<String, Long> afterRestart = versions();
        check(afterRestart.equals(before), "process versions changed by a restart: " + before + " -> " + afterRestart);
        // a new BPMN, deployed with deploy-changed-only from both nodes at once, twice
        String key = "reliability-deploy-" + Long.toHexString(System.currentTimeMillis());
        String bpmn = timerProcess(key);
        for (int round = 0; round < 2; round++) {
            ExecutorService both = Executors.newFixedThreadPool(2);
            Future<String> fromA = both.submit(() -> deploy(nodeA, key, "reliability-deploy", bpmn));
            Future<String> fromB = both.submit(() -> deploy(nodeB, key, "reliability-deploy", bpmn));
            check(
                    fromA.get().equals(fromB.get()),
                    "the two nodes deployed different definitions: " + fromA.get() + ", " + fromB.get());
            both.shutdown();
        }
        long probeVersions = count("SELECT COUNT(*) FROM ACT_RE_PROCDEF WHERE KEY_ = ?", key);
        check(probeVersions == 1, probeVersions + " versions of " + key + " after 4 deployments of the same BPMN");
        Map<String, Long> afterAll = versions();
        afterAll.remove(key);
        check(afterAll.equals(before), "process versions changed: " + before + " -> " + afterAll);
        return before.size() + " process keys, versions unchanged by two restarts; the same BPMN deployed 4 times "
                + "(2 at once from each node): 1 version";
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Map<String, Long> versions() {
        Map<String, Long> versions = new java.util.TreeMap<>();
        jdbc.sql("SELECT KEY_, COUNT(*) FROM ACT_RE_PROCDEF GROUP BY KEY_")
                .query((rs, n) -> versions.put(rs.getString(1), rs.getLong(2)))
                .list();
        jdbc.sql("SELECT KEY_, COUNT(*) FROM ACT_RE_DECISION_DEF GROUP BY KEY_")
                .query((rs, n) -> versions.put("decision:" + rs.getString(1), rs.getLong(2)))
                .list();
        return versions;
    }

    private void reconcile(IntakeLoad.Result result) {
        reconciliation.verify(result.acknowledgedCaseIds());
        // the run's database is its own: no case anywhere without its instance (a request that failed half-way)
        reconciliation.verifyNoneHalfCreated();
    }

    private void awaitNoExpiredLocks(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long expired;
        while ((expired = count("SELECT COUNT(*) FROM ACT_RU_JOB WHERE LOCK_EXP_TIME_ < CURRENT_TIMESTAMP")) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(1000);
        }
        check(expired == 0, expired + " jobs with an expired lock");
    }

    private static String timerProcess(String key) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    id="defs-%1$s" targetNamespace="http://complaintdesk.example/reliability">
                  <bpmn:process id="%1$s" name="Reliability timer probe" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="start"/>
                    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
                    <bpmn:intermediateCatchEvent id="wait">
                      <bpmn:timerEventDefinition><bpmn:timeDuration>PT5S</bpmn:timeDuration></bpmn:timerEventDefinition>
                    </bpmn:intermediateCatchEvent>
                    <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="escalate"/>
                    <bpmn:userTask id="escalate" name="Escalate" camunda:candidateGroups="camunda-admin"/>
                    <bpmn:sequenceFlow id="f3" sourceRef="escalate" targetRef="end"/>
                    <bpmn:endEvent id="end"/>
                  </bpmn:process>
                </bpmn:definitions>
                """
                .formatted(key);
    }

    /** {@code POST /engine-rest/deployment/create} with deploy-changed-only; returns the definition id of {@code key}. */
    private String deploy(ClusterNode node, String key, String deploymentName, String bpmn) throws Exception {
        String boundary = "----reliability" + UUID.randomUUID();
        StringBuilder body = new StringBuilder();
        for (String[] field : new String[][] {
            {"deployment-name", deploymentName},
            {"deploy-changed-only", "true"},
            {"deployment-source", "reliability-run"}
        }) {
            body.append("--")
                    .append(boundary)
                    .append("\r\nContent-Disposition: form-data; name=\"")
                    .append(field[0])
                    .append("\"\r\n\r\n")
                    .append(field[1])
                    .append("\r\n");
        }
        body.append("--")
                .append(boundary)
                .append("\r\nContent-Disposition: form-data; name=\"")
                .append(key)
                .append(".bpmn\"; filename=\"")
                .append(key)
                .append(".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .append(bpmn)
                .append("\r\n--")
                .append(boundary)
                .append("--\r\n");
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(node.baseUri().resolve("/engine-rest/deployment/create"))
                        .header("Authorization", authorization)
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(
                response.statusCode() == 200,
                "deployment from " + node.name() + " answered " + response.statusCode() + ": " + response.body());
        JsonNode definitions = get(node, "/engine-rest/process-definition?key=" + key + "&latestVersion=true");
        check(definitions.size() == 1, "no definition " + key + " after deploying it");
        return definitions.get(0).get("id").asText();
    }

    private JsonNode get(ClusterNode node, String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(node.baseUri().resolve(path))
                        .header("Authorization", authorization)
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(
                response.statusCode() == 200,
                "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(ClusterNode node, String path, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(node.baseUri().resolve(path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void put(ClusterNode node, String path, String body) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(node.baseUri().resolve(path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        check(
                response.statusCode() == 204,
                "PUT " + path + " answered " + response.statusCode() + ": " + response.body());
    }

    private long count(String sql, Object... parameters) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Object parameter : parameters) {
            statement = statement.param(parameter);
        }
        return statement.query(Long.class).single();
    }

    private static void check(boolean condition, String failure) {
        if (!condition) {
            throw new AssertionError(failure);
        }
    }

    @FunctionalInterface
    private interface Scenario {
        String run() throws Exception;
    }

    private void scenario(String name, String loadDescription, String fault, Scenario scenario) {
        String only = args.get("only");
        if (only != null && !name.startsWith(only)) {
            return;
        }
        log("scenario: " + name);
        long start = System.nanoTime();
        Row row;
        try {
            String result = scenario.run();
            row = new Row(name, loadDescription, fault, true, "PASS: " + result);
        } catch (Throwable e) {
            e.printStackTrace();
            row = new Row(
                    name,
                    loadDescription,
                    fault,
                    false,
                    "FAIL: " + String.valueOf(e.getMessage()).replace('\n', ' '));
        }
        rows.add(row);
        log(row.result() + " (" + (System.nanoTime() - start) / 1_000_000_000 + " s)");
    }

    private boolean report() throws IOException {
        StringBuilder table = new StringBuilder("| scenario | load | fault | result |\n|---|---|---|---|\n");
        for (Row row : rows) {
            table.append("| ")
                    .append(row.scenario())
                    .append(" | ")
                    .append(row.load())
                    .append(" | ")
                    .append(row.fault())
                    .append(" | ")
                    .append(row.result().replace("|", "\\|"))
                    .append(" |\n");
        }
        String heading = "# Reliability run (" + (shortRun ? "short" : "full") + "), " + Instant.now() + "\n\n"
                + "Two application nodes (profile postgres, job lock time " + LOCK_MILLIS
                + " ms) on one PostgreSQL.\n\n";
        Path out = Path.of(args.get("out"));
        Files.createDirectories(out);
        Files.writeString(out.resolve("report.md"), heading + table);
        Files.writeString(
                out.resolve("report.json"),
                json.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(Map.of(
                                "mode",
                                shortRun ? "short" : "full",
                                "finishedAt",
                                Instant.now().toString(),
                                "scenarios",
                                rows)));
        System.out.println();
        System.out.println(table);
        boolean passed = rows.stream().allMatch(Row::passed);
        System.out.println(
                passed
                        ? "All scenarios passed."
                        : "FAILED: "
                                + rows.stream()
                                        .filter(r -> !r.passed())
                                        .map(Row::scenario)
                                        .toList());
        return passed;
    }

    private void stopNodes() {
        for (ClusterNode node : new ClusterNode[] {nodeA, nodeB}) {
            try {
                if (node != null) {
                    node.stop();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String message) {
        System.out.println("[" + Instant.now() + "] " + message);
    }
}
