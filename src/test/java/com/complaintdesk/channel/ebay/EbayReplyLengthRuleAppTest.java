package com.complaintdesk.channel.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** P1–P4 on eBay: the agent's draft reply is refused over the REST submit-form while it is over 80 characters. */
class EbayReplyLengthRuleAppTest extends EbayAppTestBase {

    private static final String ANA = "ana";

    @Autowired
    TestRestTemplate http;

    @Autowired
    TaskService taskService;

    @Test
    void aDraftReplyOnEbayOverEightyCharactersIsRefusedWith400AndTheTaskStaysOpen() {
        EBAY.stubFor(post(urlPathEqualTo(EbayApi.RESPOND_TO_FEEDBACK)).willReturn(aResponse().withStatus(200)));
        String processInstanceId = open(SampleComplaint.body("ebay", feedbackId(), 20, "Mug arrived broken.", "en"));
        work(processInstanceId, Activity.CONFIRM_TRIAGE, Map.of(Var.TIER, "T2", Var.CATEGORY, "quality",
                Var.ESCALATE_TO_CRISIS, false));
        String draft = awaitTask(processInstanceId, Activity.DRAFT_REPLY);
        claim(draft);

        ResponseEntity<JsonNode> refused = submitForm(draft, reply("We are very sorry your mug arrived broken.",
                "The box was too thin.", "A new mug ships today.", "See your eBay messages."));

        assertThat(refused.getStatusCode()).as(String.valueOf(refused.getBody())).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(Var.REPLY_APOLOGY);
            assertThat(error.path("message").asText()).contains("at most 80 characters", "has 114",
                    "shorten the public part", "private message");
        });
        assertThat(taskService.createTaskQuery().taskId(draft).count()).as("the draft is still open").isOne();

        ResponseEntity<JsonNode> accepted = submitForm(draft, reply("Sorry, and thank you.", "Box too thin.",
                "New mug ships today.", "See eBay messages."));
        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void theSameLongReplyOnInstagramIsAccepted() {
        String processInstanceId = open(SampleComplaint.body("instagram", "ig-" + UUID.randomUUID(), 20, "Mug arrived broken.", "en"));
        work(processInstanceId, Activity.CONFIRM_TRIAGE, Map.of(Var.TIER, "T2", Var.CATEGORY, "quality",
                Var.ESCALATE_TO_CRISIS, false));
        String draft = awaitTask(processInstanceId, Activity.DRAFT_REPLY);
        claim(draft);

        ResponseEntity<JsonNode> accepted = submitForm(draft, reply("We are very sorry your mug arrived broken.",
                "The box was too thin.", "A new mug ships today.", "See your direct messages."));

        assertThat(accepted.getStatusCode()).as(String.valueOf(accepted.getBody())).isEqualTo(HttpStatus.NO_CONTENT);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static Map<String, Object> reply(String apology, String cause, String solution, String invitation) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(Var.REPLY_APOLOGY, apology);
        values.put(Var.REPLY_CAUSE, cause);
        values.put(Var.REPLY_SOLUTION, solution);
        values.put(Var.REPLY_INVITATION, invitation);
        values.put(Var.ESCALATE_TO_CRISIS, false);
        return values;
    }

    private String open(Map<String, Object> body) {
        ResponseEntity<JsonNode> created = http.withBasicAuth(ANA, TestDatabase.password())
                .postForEntity("/api/complaints", body, JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().path("processInstanceId").asText();
    }

    private void work(String processInstanceId, String taskKey, Map<String, Object> values) {
        String taskId = awaitTask(processInstanceId, taskKey);
        claim(taskId);
        assertThat(submitForm(taskId, values).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private String awaitTask(String processInstanceId, String taskKey) {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode tasks = http.withBasicAuth(ANA, TestDatabase.password()).getForEntity("/engine-rest/task?processInstanceId="
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
        throw new AssertionError("no " + taskKey + " for " + ANA + " in " + processInstanceId);
    }

    private void claim(String taskId) {
        assertThat(postJson("/engine-rest/task/" + taskId + "/claim", Map.of("userId", ANA)).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    private ResponseEntity<JsonNode> submitForm(String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return postJson("/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables));
    }

    private ResponseEntity<JsonNode> postJson(String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return http.withBasicAuth(ANA, TestDatabase.password()).postForEntity(path, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
