package com.complaintdesk.reliability;

import com.complaintdesk.support.SampleComplaint;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Intake load, open model: a constant arrival rate of {@code POST /api/complaints}, each with a unique external id,
 * round-robin over the nodes; a request a node cannot take (connection refused or cut: the node is gone) is sent
 * again, unchanged, to the next node, as a client behind a load balancer would. Every 201 or 200 is an acknowledged
 * case. A {@code 503} is the application asking to be sent the request again after {@code Retry-After} (the database
 * or its connection pool cannot be had, README "Security"); with {@code resendWhenUnavailable} the load does so, as the
 * platforms' webhook deliveries do, and counts each such deferral; otherwise it is the answer. Other 5xx are counted,
 * never retried.
 */
final class IntakeLoad {

    /** How often one request is sent again after a 503 before that 503 is its answer. */
    static final int MAX_RESENDS = 5;

    /** What the clients saw. */
    record Result(
            int sent,
            Map<Integer, Integer> statuses,
            int unanswered,
            int failedOver,
            int deferred,
            Set<String> acknowledgedCaseIds,
            long p50Millis,
            long p99Millis) {

        int acknowledged() {
            return acknowledgedCaseIds.size();
        }

        int count5xx() {
            return statuses.entrySet().stream()
                    .filter(e -> e.getKey() >= 500)
                    .mapToInt(Map.Entry::getValue)
                    .sum();
        }

        String summary() {
            return "sent " + sent + ", acknowledged " + acknowledged() + ", answers " + statuses
                    + (unanswered > 0 ? ", unanswered " + unanswered : "")
                    + (failedOver > 0 ? ", failed over " + failedOver : "")
                    + (deferred > 0 ? ", 503 then sent again after Retry-After " + deferred : "")
                    + ", p50 " + p50Millis + " ms, p99 " + p99Millis + " ms";
        }
    }

    private final HttpClient http;
    private final List<ClusterNode> nodes;
    private final String authorization;
    private final ObjectMapper json = new ObjectMapper();
    private final boolean resendWhenUnavailable;

    IntakeLoad(HttpClient http, List<ClusterNode> nodes, String authorization, boolean resendWhenUnavailable) {
        this.http = http;
        this.nodes = nodes;
        this.authorization = authorization;
        this.resendWhenUnavailable = resendWhenUnavailable;
    }

    /** The same load, taking a 503 as the answer (to see how many requests a fault turns away). */
    IntakeLoad answeringUnavailable() {
        return new IntakeLoad(http, nodes, authorization, false);
    }

    /**
     * Sends {@code perSecond} requests a second for {@code seconds}; {@code during} runs on the calling thread while
     * the load goes on (the fault), and the call returns when every request has its answer.
     */
    Result run(String idPrefix, int perSecond, int seconds, Fault during) throws Exception {
        int total = perSecond * seconds;
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger unanswered = new AtomicInteger();
        AtomicInteger failedOver = new AtomicInteger();
        AtomicInteger deferred = new AtomicInteger();
        AtomicLong sequence = new AtomicLong();
        ExecutorService clients = Executors.newFixedThreadPool(400);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long periodMicros = 1_000_000L / perSecond;
        clock.scheduleAtFixedRate(
                () -> {
                    long n = sequence.getAndIncrement();
                    if (n >= total) {
                        return;
                    }
                    clients.execute(() -> send(
                            idPrefix + "-" + n,
                            (int) (n % nodes.size()),
                            statuses,
                            acknowledged,
                            latencies,
                            unanswered,
                            failedOver,
                            deferred));
                },
                0,
                periodMicros,
                TimeUnit.MICROSECONDS);
        try {
            if (during != null) {
                during.run();
            }
            while (sequence.get() < total) {
                Thread.sleep(100);
            }
        } finally {
            clock.shutdownNow();
            clients.shutdown();
        }
        if (!clients.awaitTermination(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException("requests still open after 5 minutes");
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(
                total,
                new TreeMap<>(statuses),
                unanswered.get(),
                failedOver.get(),
                deferred.get(),
                acknowledged,
                percentile(sorted, 50),
                percentile(sorted, 99));
    }

    /** Posts one complaint and returns its status; the load's own bookkeeping is done by {@link #run}. */
    int postOnce(String externalId, int nodeIndex, Set<String> acknowledged) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                request(externalId, nodes.get(nodeIndex % nodes.size())), HttpResponse.BodyHandlers.ofString());
        remember(response, acknowledged);
        return response.statusCode();
    }

    private void send(
            String externalId,
            int firstNode,
            Map<Integer, Integer> statuses,
            Set<String> acknowledged,
            List<Long> latencies,
            AtomicInteger unanswered,
            AtomicInteger failedOver,
            AtomicInteger deferred) {
        long start = System.nanoTime();
        int resends = 0;
        for (int attempt = 0; attempt < 6; attempt++) {
            ClusterNode node = nodes.get((firstNode + attempt) % nodes.size());
            try {
                HttpResponse<String> response =
                        http.send(request(externalId, node), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 503 && resendWhenUnavailable && resends < MAX_RESENDS) {
                    resends++;
                    deferred.incrementAndGet();
                    Thread.sleep(1000L
                            * response.headers()
                                    .firstValue("Retry-After")
                                    .map(Long::parseLong)
                                    .orElse(5L));
                    attempt--; // the same node again: it was there, only busy
                    continue;
                }
                latencies.add((System.nanoTime() - start) / 1_000_000);
                statuses.merge(response.statusCode(), 1, Integer::sum);
                remember(response, acknowledged);
                if (attempt > 0) {
                    failedOver.incrementAndGet();
                }
                return;
            } catch (IOException nodeGone) {
                // connection refused or cut: the same request to the next node
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        unanswered.incrementAndGet();
    }

    private void remember(HttpResponse<String> response, Set<String> acknowledged) throws IOException {
        if (response.statusCode() == 200 || response.statusCode() == 201) {
            JsonNode body = json.readTree(response.body());
            acknowledged.add(body.get("caseId").asText());
        }
    }

    private HttpRequest request(String externalId, ClusterNode node) throws IOException {
        Map<String, Object> body = SampleComplaint.body(
                "instagram", externalId, 5, "The mug arrived broken, the box was crushed. Really disappointed.", "en");
        return HttpRequest.newBuilder(node.baseUri().resolve("/api/complaints"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
                .build();
    }

    private static long percentile(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    /** What happens while the load runs. */
    @FunctionalInterface
    interface Fault {
        void run() throws Exception;
    }
}
