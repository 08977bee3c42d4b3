package com.complaintdesk.benchmark;

import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Intake latency under an open model: {@code POST /api/complaints} at a constant arrival rate, each request sent at its
 * planned time whatever the ones before are doing, its latency counted from that planned time (so a stall shows in
 * every request it delays). Then the heap after a full GC and the process's peak resident set.
 */
final class IntakeBenchmark {

    private static final String AGENT = "ana";

    private final TestRestTemplate http;
    private final BenchmarkSettings settings;

    IntakeBenchmark(TestRestTemplate http, BenchmarkSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    Map<String, Object> run() {
        int rate = settings.intakePerSecond();
        int total = (int) (rate * settings.intakeDuration().toSeconds());
        long period = 1_000_000_000L / rate;
        Latencies latencies = new Latencies();
        AtomicInteger errors = new AtomicInteger();
        Map<String, Integer> errorKinds = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(64);
        long start = System.nanoTime() + 50_000_000L;
        int unfinished = 0;
        try {
            for (int i = 0; i < total; i++) {
                long planned = start + i * period;
                LockSupport.parkNanos(planned - System.nanoTime());
                senders.execute(() -> {
                    try {
                        ResponseEntity<JsonNode> created = http.withBasicAuth(AGENT, TestDatabase.password())
                                .postForEntity("/api/complaints", SampleComplaint.instagram(5), JsonNode.class);
                        if (created.getStatusCode() != HttpStatus.CREATED) {
                            errors.incrementAndGet();
                            errorKinds.merge("HTTP " + created.getStatusCode().value(), 1, Integer::sum);
                        }
                    } catch (Throwable failed) {
                        errors.incrementAndGet();
                        errorKinds.merge(LifecycleBenchmark.firstLine(failed), 1, Integer::sum);
                    } finally {
                        latencies.add(System.nanoTime() - planned);
                    }
                });
            }
            senders.shutdown();
            if (!senders.awaitTermination(2, TimeUnit.MINUTES)) {
                unfinished = total - latencies.count();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            senders.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("model", "open: constant arrival rate, latency from each request's planned send time");
        r.put("requestsPerSecond", rate);
        r.put("durationSeconds", settings.intakeDuration().toSeconds());
        r.put("planned", total);
        r.put("sent", latencies.count());
        r.put("errors", errors.get() + unfinished);
        r.put("unansweredAfterTwoMinutes", unfinished);
        if (!errorKinds.isEmpty()) {
            r.put("errorKinds", errorKinds);
        }
        r.put("achievedPerSecond", Math.round(latencies.count() / seconds * 10) / 10.0);
        r.put("latency", latencies.summary());
        r.put("memory", memory());
        return r;
    }

    /** Heap in use after a full GC, and the JVM process's resident set now and at its peak (Linux). */
    static Map<String, Object> memory() {
        System.gc();
        System.gc();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("heapAfterGcMb", mb(heap.getUsed()));
        m.put("heapCommittedMb", mb(heap.getCommitted()));
        m.put("heapMaxMb", mb(heap.getMax()));
        m.put("rssMb", procStatusMb("VmRSS"));
        m.put("peakRssMb", procStatusMb("VmHWM"));
        m.put("note", "the application and the benchmark's clients share this JVM (and, on H2, the database's data)");
        return m;
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private static Long procStatusMb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception unavailable) {
            // not Linux
        }
        return null;
    }
}
