package com.complaintdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One person working cases over HTTP the way Tasklist does: opens a complaint with {@code POST /api/complaints},
 * waits for a task of the case (the job executor may still be on its way), claims it and submits its form through the
 * engine REST API.
 */
public final class TasklistUser {

    private final TestRestTemplate http;
    private final String user;

    public TasklistUser(TestRestTemplate http, String user) {
        this.http = http;
        this.user = user;
    }

    /** The case opened for a complaint. */
    public record Opened(String caseId, String processInstanceId) {}

    public Opened open(Map<String, Object> complaint) {
        ResponseEntity<JsonNode> created = http.withBasicAuth(user, TestDatabase.password())
                .postForEntity("/api/complaints", complaint, JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return new Opened(created.getBody().path("caseId").asText(), created.getBody().path("processInstanceId").asText());
    }

    /** Finds the task, claims it and submits its form with these values; the submission must be accepted. */
    public void work(String processInstanceId, String taskKey, Map<String, Object> values) {
        String taskId = awaitTask(processInstanceId, taskKey);
        claim(taskId);
        ResponseEntity<JsonNode> submitted = submitForm(taskId, values);
        assertThat(submitted.getStatusCode()).as("%s submits %s: %s", user, taskKey, submitted.getBody())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** The id of the case's one open task of that kind, once there is one (up to 20 s). */
    public String awaitTask(String processInstanceId, String taskKey) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode tasks = http.withBasicAuth(user, TestDatabase.password()).getForEntity("/engine-rest/task?processInstanceId="
                    + processInstanceId + "&taskDefinitionKey=" + taskKey, JsonNode.class).getBody();
            if (tasks != null && tasks.size() == 1) {
                return tasks.get(0).path("id").asText();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("no " + taskKey + " for " + user + " in " + processInstanceId);
    }

    public void claim(String taskId) {
        assertThat(postJson("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** Submits the form as Tasklist does; the answer is the engine's, or the form guard's 400 with one error per field. */
    public ResponseEntity<JsonNode> submitForm(String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return postJson("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    private ResponseEntity<JsonNode> postJson(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(user, TestDatabase.password()).postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
