package com.complaintdesk.benchmark;

import com.complaintdesk.support.GeneralSuggestionCase;
import com.complaintdesk.support.Tasklist;
import com.complaintdesk.support.Tasklist.Opened;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;

/**
 * Lifecycle throughput: whole T3 cases ({@link GeneralSuggestionCase}, seven user tasks) from
 * {@code POST /api/complaints} to closure, each task found, claimed and submitted through {@code /engine-rest} as
 * Tasklist does, by 1 and by 4 clients working in a closed loop after a warm-up; and, in the same JVM and database, a
 * bare process with as many user tasks driven through the Java API, the baseline the ratio is taken against.
 */
final class LifecycleBenchmark {

    static final String BASELINE_KEY = "benchmark-baseline";
    static final int[] CLIENTS = {1, 4};
    private static final String AGENT = "ana";

    private final Tasklist tasklist;
    private final ProcessEngine engine;
    private final BenchmarkSettings settings;
    private final int userTasks = GeneralSuggestionCase.steps().size();
    /** The case ids the application's phases closed, for the audit part's timeline lookups. */
    final List<String> closedCaseIds = new ArrayList<>();

    LifecycleBenchmark(Tasklist tasklist, ProcessEngine engine, BenchmarkSettings settings) {
        this.tasklist = tasklist.pollingEvery(Duration.ofMillis(10));
        this.engine = engine;
        this.settings = settings;
    }

    Map<String, Object> run() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("userTasksPerCase", userTasks);
        result.put("warmUpSeconds", settings.lifecycleWarmUp().toSeconds());
        result.put("measureSecondsPerPhase", settings.lifecycleMeasure().toSeconds());
        if (!settings.lifecycleWarmUp().isZero()) {
            phase("application warm-up", 4, settings.lifecycleWarmUp(), this::applicationCase);
        }
        Map<String, Object> application = new LinkedHashMap<>();
        for (int clients : CLIENTS) {
            application.put(
                    "clients" + clients,
                    phase("application", clients, settings.lifecycleMeasure(), this::applicationCase));
        }
        result.put("application", application);

        Deployment baseline = deployBaseline();
        try {
            if (!settings.lifecycleWarmUp().isZero()) {
                phase("baseline warm-up", 4, settings.lifecycleWarmUp().dividedBy(2), this::baselineCase);
            }
            Map<String, Object> bare = new LinkedHashMap<>();
            for (int clients : CLIENTS) {
                bare.put(
                        "clients" + clients,
                        phase("baseline", clients, settings.lifecycleMeasure(), this::baselineCase));
            }
            result.put("baseline", bare);
        } finally {
            engine.getRepositoryService().deleteDeployment(baseline.getId(), true);
        }

        Map<String, Object> ratios = new LinkedHashMap<>();
        for (int clients : CLIENTS) {
            double app = rate(application, clients);
            double bare = rate((Map<?, ?>) result.get("baseline"), clients);
            ratios.put("clients" + clients, bare == 0 ? 0 : Math.round(app / bare * 1000) / 1000.0);
        }
        result.put("ratioToBaseline", ratios);
        return result;
    }

    static double rate(Map<?, ?> phases, int clients) {
        return ((Number) ((Map<?, ?>) phases.get("clients" + clients)).get("casesPerSecond")).doubleValue();
    }

    // ---------------------------------------------------------------------------------------------------- one case

    /** One case, measured: what a client did and how long each step took. */
    interface CaseRun {
        String run(Steps steps);
    }

    /** Per-step latencies of a phase, by step name, in the order first seen. */
    static final class Steps {
        final Map<String, Latencies> byName = new ConcurrentHashMap<>();
        final List<String> order = java.util.Collections.synchronizedList(new ArrayList<>());

        long time(String name, long since) {
            long now = System.nanoTime();
            byName.computeIfAbsent(name, n -> {
                        order.add(n);
                        return new Latencies();
                    })
                    .add(now - since);
            return now;
        }
    }

    private String applicationCase(Steps steps) {
        long t = System.nanoTime();
        Opened c = tasklist.open(AGENT, GeneralSuggestionCase.complaint());
        t = steps.time("POST /api/complaints", t);
        for (GeneralSuggestionCase.Step step : GeneralSuggestionCase.steps()) {
            String taskId = tasklist.awaitTask(AGENT, c.processInstanceId(), step.taskKey());
            t = steps.time(step.taskKey() + ": find (GET /task)", t);
            tasklist.claim(AGENT, taskId);
            t = steps.time(step.taskKey() + ": claim", t);
            Tasklist.assertCompleted(tasklist.submitForm(AGENT, taskId, step.values()));
            t = steps.time(step.taskKey() + ": submit-form", t);
        }
        awaitEnded(c.processInstanceId());
        steps.time("case ended (history)", t);
        synchronized (closedCaseIds) {
            closedCaseIds.add(c.caseId());
        }
        return c.processInstanceId();
    }

    private String baselineCase(Steps steps) {
        long t = System.nanoTime();
        String id = engine.getRuntimeService()
                .startProcessInstanceByKey(BASELINE_KEY)
                .getId();
        t = steps.time("start", t);
        for (int i = 1; i <= userTasks; i++) {
            Task task = engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceId(id)
                    .singleResult();
            t = steps.time("find", t);
            engine.getTaskService().claim(task.getId(), AGENT);
            t = steps.time("claim", t);
            engine.getTaskService().complete(task.getId());
            t = steps.time("complete", t);
        }
        return id;
    }

    /** The bare process: start, as many user tasks as the complaint's path has, end. */
    private Deployment deployBaseline() {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess(BASELINE_KEY)
                .name("Benchmark baseline")
                .camundaHistoryTimeToLive(1)
                .startEvent();
        for (int i = 1; i <= userTasks; i++) {
            flow = flow.userTask("Task_" + i).camundaCandidateGroups("agents");
        }
        BpmnModelInstance model = flow.endEvent().done();
        return engine.getRepositoryService()
                .createDeployment()
                .name(BASELINE_KEY)
                .addModelInstance(BASELINE_KEY + ".bpmn", model)
                .deploy();
    }

    private void awaitEnded(String processInstanceId) {
        tasklist.poll(
                () -> {
                    HistoricProcessInstance instance = engine.getHistoryService()
                            .createHistoricProcessInstanceQuery()
                            .processInstanceId(processInstanceId)
                            .singleResult();
                    return instance != null && instance.getEndTime() != null ? instance : null;
                },
                () -> processInstanceId + " has not ended");
    }

    // ------------------------------------------------------------------------------------------------------- phase

    /**
     * Runs cases with {@code clients} clients in a closed loop until {@code duration} is over (each client at least
     * one case); the rate is cases completed over the time from the start to the last case's end.
     */
    private Map<String, Object> phase(String name, int clients, Duration duration, CaseRun caseRun) {
        Steps steps = new Steps();
        Latencies perCase = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
        Set<String> instances = ConcurrentHashMap.newKeySet();
        AtomicLong lastEnd = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                running.add(pool.submit(() -> {
                    do {
                        long caseStart = System.nanoTime();
                        try {
                            instances.add(caseRun.run(steps));
                            long end = System.nanoTime();
                            perCase.add(end - caseStart);
                            lastEnd.accumulateAndGet(end, Math::max);
                        } catch (Throwable failed) {
                            errors.incrementAndGet();
                            errorKinds.merge(firstLine(failed), 1, Integer::sum);
                        }
                    } while (System.nanoTime() < deadline);
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(name + " phase did not finish", e);
        } finally {
            pool.shutdownNow();
        }
        double seconds = Math.max(1, lastEnd.get() - start) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("phase", name);
        r.put("clients", clients);
        r.put("casesStarted", instances.size() + errors.get());
        r.put("casesClosed", closed(instances));
        r.put("errors", errors.get());
        if (!errorKinds.isEmpty()) {
            r.put("errorKinds", errorKinds);
        }
        r.put("seconds", Latencies.round(seconds));
        r.put("casesPerSecond", Math.round(perCase.count() / seconds * 100) / 100.0);
        r.put("perCase", perCase.summary());
        Map<String, Object> perStep = new LinkedHashMap<>();
        for (String step : List.copyOf(steps.order)) {
            perStep.put(step, steps.byName.get(step).summary());
        }
        r.put("perStep", perStep);
        return r;
    }

    /** How many of the phase's process instances the engine's history shows as completed. */
    private long closed(Set<String> instances) {
        List<String> ids = List.copyOf(instances);
        long closed = 0;
        for (int from = 0; from < ids.size(); from += 500) {
            Set<String> chunk = Set.copyOf(ids.subList(from, Math.min(ids.size(), from + 500)));
            closed += engine.getHistoryService()
                    .createHistoricProcessInstanceQuery()
                    .processInstanceIds(chunk)
                    .completed()
                    .count();
        }
        return closed;
    }

    static String firstLine(Throwable failed) {
        String message = String.valueOf(failed.getMessage());
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return failed.getClass().getSimpleName() + ": " + (first.length() > 200 ? first.substring(0, 200) : first);
    }
}
