package com.complaintdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Works cases through the running application as people do: a complaint opened over {@code POST /api/complaints},
 * every user task found, claimed and submitted through the engine REST API the way Tasklist does it, each as the
 * user whose role the step belongs to.
 */
public final class Tasklist {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(200);

    private final TestRestTemplate http;
    private final ManagementService management;
    private final String engineRest;
    private final long pollMillis;

    public Tasklist(TestRestTemplate http, ManagementService management) {
        this(http, management, "/engine-rest");
    }

    /** For an application whose engine is not the default one: {@code /engine-rest/engine/<name>}. */
    public Tasklist(TestRestTemplate http, ManagementService management, String engineRest) {
        this(http, management, engineRest, POLL);
    }

    private Tasklist(TestRestTemplate http, ManagementService management, String engineRest, Duration poll) {
        this.http = http;
        this.management = management;
        this.engineRest = engineRest;
        this.pollMillis = poll.toMillis();
    }

    /**
     * The same Tasklist looking again every {@code poll} while it waits for a task (the benchmark asks often, so
     * that its waiting does not hide how soon the application is ready).
     */
    public Tasklist pollingEvery(Duration poll) {
        return new Tasklist(http, management, engineRest, poll);
    }

    /** The engine REST API's path for {@code path} (which starts with a slash, e.g. {@code /task}). */
    public String engine(String path) {
        return engineRest + path;
    }

    /** A case opened through the API: its case id, process instance and business key. */
    public record Opened(String caseId, String processInstanceId, String businessKey) {}

    public Opened open(String user, Map<String, Object> body) {
        ResponseEntity<JsonNode> created = http.withBasicAuth(user, TestDatabase.password())
                .postForEntity("/api/complaints", body, JsonNode.class);
        assertThat(created.getStatusCode())
                .as(String.valueOf(created.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        return new Opened(
                created.getBody().path("caseId").asText(),
                created.getBody().path("processInstanceId").asText(),
                created.getBody().path("businessKey").asText());
    }

    /** Finds the task, claims it and submits its form with these values, as {@code user}. */
    public void work(String user, String processInstanceId, String taskKey, Object... keyValues) {
        work(user, processInstanceId, taskKey, values(keyValues), null);
    }

    public void work(String user, String processInstanceId, String taskKey, Map<String, Object> values) {
        work(user, processInstanceId, taskKey, values, null);
    }

    public void work(
            String user, String processInstanceId, String taskKey, Map<String, Object> values, String knownTaskId) {
        String taskId = knownTaskId != null ? knownTaskId : awaitTask(user, processInstanceId, taskKey);
        claim(user, taskId);
        ResponseEntity<JsonNode> submitted = submitForm(user, taskId, values);
        assertThat(submitted.getStatusCode())
                .as("%s submits %s: %s", user, taskKey, submitted.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** The open task of that kind the user sees, once it is there (the job executor may still be on its way). */
    public String awaitTask(String user, String processInstanceId, String taskKey) {
        List<JsonNode> found = poll(
                () -> {
                    List<JsonNode> list = tasks(user, processInstanceId, taskKey);
                    return list.isEmpty() ? null : list;
                },
                () -> user + " sees no " + taskKey + " in " + processInstanceId);
        assertThat(found).as("%s's %s tasks", user, taskKey).hasSize(1);
        return found.get(0).path("id").asText();
    }

    public List<JsonNode> tasks(String user, String processInstanceId, String taskKey) {
        ResponseEntity<JsonNode> response =
                get(user, engine("/task?processInstanceId=" + processInstanceId + "&taskDefinitionKey=" + taskKey));
        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.OK);
        List<JsonNode> list = new ArrayList<>();
        response.getBody().forEach(list::add);
        return list;
    }

    public void claim(String user, String taskId) {
        assertCompleted(post(user, engine("/task/" + taskId + "/claim"), Map.of("userId", user)));
    }

    public ResponseEntity<JsonNode> submitForm(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return post(user, engine("/task/" + taskId + "/submit-form"), Map.of("variables", variables));
    }

    public static void assertCompleted(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode())
                .as(String.valueOf(response.getBody()))
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /**
     * Runs the instance's due jobs the way the job executor would, until none is left, for applications started
     * without one. A failing job fails as it would there (its retries go down, or end in an incident).
     */
    public void runDueJobs(String processInstanceId) {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = management
                    .createJobQuery()
                    .processInstanceId(processInstanceId)
                    .executable()
                    .messages()
                    .list();
            if (jobs.isEmpty()) {
                return;
            }
            for (Job job : jobs) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // as in the job executor: the engine has recorded the failure on the job
                }
            }
        }
        fail("jobs of " + processInstanceId + " keep coming: " + stuckJobs());
    }

    /** Polls every 200 ms (or as set) for up to 20 s; on timeout fails with what the job executor is stuck on. */
    public <T> T poll(Supplier<T> probe, Supplier<String> what) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                fail(what.get() + " after " + WAIT.toSeconds() + " s; " + stuckJobs());
            }
            try {
                Thread.sleep(pollMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }

    /** The jobs waiting, with their failures: what to look at when a case does not move on. */
    public String stuckJobs() {
        List<Job> jobs = management.createJobQuery().list();
        if (jobs.isEmpty()) {
            return "no jobs waiting";
        }
        return "jobs: "
                + jobs.stream()
                        .map(job -> job.getProcessDefinitionKey() + "/" + job.getProcessInstanceId()
                                + " retries=" + job.getRetries() + " due=" + job.getDuedate()
                                + (job.getExceptionMessage() == null
                                        ? ""
                                        : " exception=" + job.getExceptionMessage()
                                                + "\n"
                                                + management
                                                        .getJobExceptionStacktrace(job.getId())
                                                        .lines()
                                                        .limit(12)
                                                        .collect(Collectors.joining("\n  "))))
                        .collect(Collectors.joining("\n"));
    }

    /** Form values from name, value, name, value … */
    public static Map<String, Object> values(Object... keyValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    public ResponseEntity<JsonNode> get(String user, String path) {
        return http.withBasicAuth(user, TestDatabase.password()).getForEntity(path, JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String user, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, TestDatabase.password())
                .postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
