package com.complaintdesk.channel.ebay;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.TasklistUser;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** P1–P4 on eBay: the agent's draft reply is refused over the REST submit-form while it is over 80 characters. */
class EbayReplyLengthRuleAppTest extends EbayAppTestBase {

    private static final String ANA = "ana";

    @Autowired
    TestRestTemplate http;

    private TasklistUser ana;

    @BeforeEach
    void workAsAna() {
        ana = new TasklistUser(http, ANA);
    }

    @Autowired
    TaskService taskService;

    @Test
    void aDraftReplyOnEbayOverEightyCharactersIsRefusedWith400AndTheTaskStaysOpen() {
        EBAY.stubFor(post(urlPathEqualTo(EbayApi.RESPOND_TO_FEEDBACK))
                .willReturn(aResponse().withStatus(200)));
        String processInstanceId = open(SampleComplaint.body("ebay", feedbackId(), 20, "Mug arrived broken.", "en"));
        ana.work(
                processInstanceId,
                Activity.CONFIRM_TRIAGE,
                Map.of(Var.TIER, "T2", Var.CATEGORY, "quality", Var.ESCALATE_TO_CRISIS, false));
        String draft = ana.awaitTask(processInstanceId, Activity.DRAFT_REPLY);
        ana.claim(draft);

        ResponseEntity<JsonNode> refused = ana.submitForm(
                draft,
                reply(
                        "We are very sorry your mug arrived broken.",
                        "The box was too thin.",
                        "A new mug ships today.",
                        "See your eBay messages."));

        assertThat(refused.getStatusCode())
                .as(String.valueOf(refused.getBody()))
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors")).anySatisfy(error -> {
            assertThat(error.path("field").asText()).isEqualTo(Var.REPLY_APOLOGY);
            assertThat(error.path("message").asText())
                    .contains("at most 80 characters", "has 114", "shorten the public part", "private message");
        });
        assertThat(taskService.createTaskQuery().taskId(draft).count())
                .as("the draft is still open")
                .isOne();

        ResponseEntity<JsonNode> accepted = ana.submitForm(
                draft, reply("Sorry, and thank you.", "Box too thin.", "New mug ships today.", "See eBay messages."));
        assertThat(accepted.getStatusCode())
                .as(String.valueOf(accepted.getBody()))
                .isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void theSameLongReplyOnInstagramIsAccepted() {
        String processInstanceId =
                open(SampleComplaint.body("instagram", "ig-" + UUID.randomUUID(), 20, "Mug arrived broken.", "en"));
        ana.work(
                processInstanceId,
                Activity.CONFIRM_TRIAGE,
                Map.of(Var.TIER, "T2", Var.CATEGORY, "quality", Var.ESCALATE_TO_CRISIS, false));
        String draft = ana.awaitTask(processInstanceId, Activity.DRAFT_REPLY);
        ana.claim(draft);

        ResponseEntity<JsonNode> accepted = ana.submitForm(
                draft,
                reply(
                        "We are very sorry your mug arrived broken.",
                        "The box was too thin.",
                        "A new mug ships today.",
                        "See your direct messages."));

        assertThat(accepted.getStatusCode())
                .as(String.valueOf(accepted.getBody()))
                .isEqualTo(HttpStatus.NO_CONTENT);
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
        return ana.open(body).processInstanceId();
    }
}
