package com.complaintdesk.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

@AppTest
class TaskFormGuardAppTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Test
    void submitFormWithAValueTheFormDoesNotOfferIsRefusedWith400AndChangesNothing() {
        Task task = openTriageTask();
        Object tierBefore = runtime.getVariable(task.getProcessInstanceId(), ComplaintLifecycle.Var.TIER);

        ResponseEntity<JsonNode> response =
                submit(task, "{\"variables\":{\"tier\":{\"value\":\"T9\"},\"category\":{\"value\":\"quality\"}}}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo("tier");
            assertThat(error.path("message").asText())
                    .contains("must be one of [T1, T2, T3]")
                    .contains("'T9'");
        });
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
        assertThat(runtime.getVariable(task.getProcessInstanceId(), ComplaintLifecycle.Var.TIER))
                .isEqualTo(tierBefore);
        assertThat(runtime.getVariable(task.getProcessInstanceId(), ComplaintLifecycle.Var.CATEGORY))
                .isNotEqualTo("quality")
                .as("a refused submission stores none of its values");
    }

    @Test
    void aRequiredFieldSubmittedEmptyIsRefusedWith400() {
        Task task = openTriageTask();

        ResponseEntity<JsonNode> response =
                submit(task, "{\"variables\":{\"tier\":{\"value\":\"T2\"},\"category\":{\"value\":\"\"}}}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().path("message").asText()).contains("category is required");
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isOne();
    }

    @Test
    void aValidSubmissionCompletesTheTask() {
        Task task = openTriageTask();

        ResponseEntity<JsonNode> response = submit(
                task,
                "{\"variables\":{\"tier\":{\"value\":\"T2\"},\"category\":{\"value\":\"packaging_damage\"},"
                        + "\"triageNote\":{\"value\":\"Box crushed in transit\"}}}");

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
    }

    private Task openTriageTask() {
        ResponseEntity<JsonNode> created = http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity("/api/complaints", SampleComplaint.instagram(5), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        Task task = tasks.createTaskQuery()
                .processInstanceId(created.getBody().path("processInstanceId").asText())
                .taskDefinitionKey(ComplaintLifecycle.Activity.CONFIRM_TRIAGE)
                .singleResult();
        tasks.claim(task.getId(), "ana");
        return task;
    }

    private ResponseEntity<JsonNode> submit(Task task, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth("ana", TestDatabase.password())
                .postForEntity(
                        "/engine-rest/task/" + task.getId() + "/submit-form",
                        new HttpEntity<>(body, headers),
                        JsonNode.class);
    }
}
