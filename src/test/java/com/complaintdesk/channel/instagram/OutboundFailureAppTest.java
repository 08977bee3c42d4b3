package com.complaintdesk.channel.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.channel.OutboxEntry;
import com.complaintdesk.channel.failure.DeliveryFailure;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * P1–P4 with Instagram's reply endpoint failing or timing out on every attempt (#9): the publish step is retried as
 * its retry cycle in {@code complaint-lifecycle.bpmn} says, never posting a reply twice, then the engine raises an
 * incident and the agents get "Handle failed delivery" with what went wrong; once Instagram is back, "Try again now"
 * posts the reply exactly once and the case goes on. The engine's clock is moved to each retry's due time instead of
 * waiting for it, so the step's real pauses (minutes to an hour) are what is tested.
 */
@AppTest
class OutboundFailureAppTest {

    static final WireMockServer instagram = InstagramGraphStub.started();
    static final String ENGINE = "outboundfailureapptest";

    @DynamicPropertySource
    static void instagramGraph(DynamicPropertyRegistry properties) {
        // as InstagramGatewayAppTest: long enough for a loaded machine's first answer, short enough for six attempts
        InstagramGraphStub.configure(properties, instagram, ENGINE, "3s");
    }

    @AfterAll
    static void stopInstagram() {
        instagram.stop();
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    RepositoryService repository;

    @Autowired
    Outbox outbox;

    @Autowired
    InstagramOutboundProperties graph;

    Tasklist tasklist;

    @BeforeEach
    void resetInstagram() {
        instagram.resetAll();
        tasklist = new Tasklist(http, management, "/engine-rest/engine/" + ENGINE);
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void aReplyInstagramFailsWith503OnEveryAttemptIsRetriedAsConfiguredThenReachesTheAgentsAndIsPostedOnceOnTryAgain() {
        String commentId = "ig-" + UUID.randomUUID();
        instagram.stubFor(
                replyPost(commentId)
                        .willReturn(
                                aResponse()
                                        .withStatus(503)
                                        .withHeader("Content-Type", "application/json")
                                        .withBody(
                                                """
                        {"error": {"message": "An unexpected error has occurred. Please retry your request later.",
                                   "type": "OAuthException", "is_transient": true, "code": 2, "fbtrace_id": "Fq3bX9"}}""")));
        Tasklist.Opened c = caseAboutToPublish(commentId);
        List<Duration> pauses = retryCycle(c.processInstanceId());

        int attempts = attemptUntilRetriesAreUsedUp(c.processInstanceId(), pauses);

        assertThat(attempts)
                .as("the first attempt and one retry per pause of the cycle %s", pauses)
                .isEqualTo(pauses.size() + 1);
        instagram.verify(attempts, postRequestedFor(urlPathEqualTo(replies(commentId))));
        instagram.verify(0, getRequestedFor(urlPathEqualTo(replies(commentId)))); // a 503 posted nothing: no look-up
        String error = "Instagram failed on the comment reply (HTTP 503, code 2";
        assertThat(incident(c.processInstanceId()).getIncidentMessage()).contains(error);
        String failure = failureCase(c.businessKey());
        String task = theAgentsSee(failure, error, "Please retry your request later");
        assertThat(reply(c.caseId()).status()).as("nothing was posted").isEqualTo(Outbox.PENDING);

        instagram.stubFor(replyPost(commentId).willReturn(okJson("{\"id\": \"17873440459141201\"}")));
        tryAgain(failure, task, "Instagram's status page says it is back; trying again.");
        tasklist.runDueJobs(c.processInstanceId());

        theCaseGoesOnWithTheReplyPostedOnce(c, "17873440459141201");
        instagram.verify(attempts + 1, postRequestedFor(urlPathEqualTo(replies(commentId))));
    }

    @Test
    void aReplyInstagramNeverAnswersInTimeIsLookedUpBeforeEachRepostThenReachesTheAgentsAndIsPostedOnceOnTryAgain() {
        String commentId = "ig-" + UUID.randomUUID();
        instagram.stubFor(replyPost(commentId)
                .willReturn(okJson("{\"id\": \"17873440459141300\"}").withFixedDelay(slowerThanTheReadTimeout())));
        // what a look-up finds: the slow posts never arrived
        instagram.stubFor(get(urlPathEqualTo(replies(commentId))).willReturn(okJson("{\"data\": []}")));
        Tasklist.Opened c = caseAboutToPublish(commentId);
        List<Duration> pauses = retryCycle(c.processInstanceId());

        int attempts = attemptUntilRetriesAreUsedUp(c.processInstanceId(), pauses);

        assertThat(attempts).isEqualTo(pauses.size() + 1);
        List<String> seen = requestsTo(commentId);
        List<String> lookUpBeforeEachRepost = new ArrayList<>(List.of("POST"));
        for (int retry = 1; retry < attempts; retry++) {
            lookUpBeforeEachRepost.addAll(List.of("GET", "POST"));
        }
        assertThat(seen).as("requests under the comment, in order").isEqualTo(lookUpBeforeEachRepost);
        String error =
                "did not answer the comment reply within " + graph.readTimeout().toMillis() + " ms";
        assertThat(incident(c.processInstanceId()).getIncidentMessage()).contains(error);
        String failure = failureCase(c.businessKey());
        String task = theAgentsSee(failure, error);
        assertThat(reply(c.caseId()).status()).as("it may be on Instagram").isEqualTo(Outbox.SENDING);

        instagram.stubFor(replyPost(commentId).willReturn(okJson("{\"id\": \"17873440459141301\"}")));
        tryAgain(failure, task, "Looked under the comment on Instagram: our reply is not there.");
        tasklist.runDueJobs(c.processInstanceId());

        theCaseGoesOnWithTheReplyPostedOnce(c, "17873440459141301");
        assertThat(requestsTo(commentId))
                .as("after the agent looked, one post and no look-up")
                .hasSize(seen.size() + 1)
                .endsWith("POST");
    }

    /**
     * The crash between a platform call and its bookkeeping, as Instagram sees it: the reply was posted, but its answer
     * never came back, so nothing recorded it. The retry finds it under the comment and posts no second public reply.
     */
    @Test
    void aReplyInstagramPostedButNeverAnsweredInTimeIsFoundOnTheRetryAndNeverPostedTwice() {
        String commentId = "ig-" + UUID.randomUUID();
        instagram.stubFor(replyPost(commentId)
                .inScenario("posted slowly")
                .willReturn(okJson("{\"id\": \"17873440459141401\"}").withFixedDelay(slowerThanTheReadTimeout()))
                .willSetStateTo("posted"));
        // a second post would be a second public reply under the comment
        instagram.stubFor(replyPost(commentId)
                .inScenario("posted slowly")
                .whenScenarioStateIs("posted")
                .willReturn(okJson("{\"id\": \"17873440459141402\"}")));
        Tasklist.Opened c = caseAboutToPublish(commentId);
        List<Duration> pauses = retryCycle(c.processInstanceId());

        Job first = attempt(c.processInstanceId(), pauses, 1);
        assertThat(first.getExceptionMessage()).contains("did not answer the comment reply");
        String posted = instagram
                .findAll(postRequestedFor(urlPathEqualTo(replies(commentId))))
                .get(0)
                .queryParameter("message")
                .firstValue();
        instagram.stubFor(get(urlPathEqualTo(replies(commentId)))
                .inScenario("posted slowly")
                .whenScenarioStateIs("posted")
                .willReturn(okJson(
                        """
                        {"data": [{"id": "17873440459141401", "text": %s, "from": {"id": "%s", "username": "the.shop"}}]}"""
                                .formatted(json(posted), InstagramGraphStub.ACCOUNT))));
        tasklist.runDueJobs(c.processInstanceId());

        assertThat(requestsTo(commentId))
                .as("requests under the comment, in order")
                .containsExactly("POST", "GET");
        theCaseGoesOnWithTheReplyPostedOnce(c, "17873440459141401");
        assertThat(runtime.createProcessInstanceQuery()
                        .processDefinitionKey(DeliveryFailure.PROCESS_KEY)
                        .processInstanceBusinessKey(c.businessKey())
                        .count())
                .as("no delivery failure for the agents")
                .isZero();
    }

    /** T3 under an Instagram post, triaged and its reply drafted by Ana: the publish step's job is next. */
    private Tasklist.Opened caseAboutToPublish(String commentId) {
        Tasklist.Opened c = tasklist.open(
                "ana",
                SampleComplaint.body(
                        "instagram",
                        commentId,
                        20,
                        "Love the mug, but I wish it came with a lid. Please add a bamboo lid option.",
                        "en"));
        InstagramGraphStub.triageAndDraftReply(tasklist, c.processInstanceId());
        assertThat(publishJob(c.processInstanceId()))
                .as("the publish step, waiting for its job")
                .isNotNull();
        return c;
    }

    /** The pauses between the publish step's attempts, as its {@code failedJobRetryTimeCycle} in the deployed BPMN. */
    private List<Duration> retryCycle(String processInstanceId) {
        ServiceTask publish = repository
                .getBpmnModelInstance(publishJob(processInstanceId).getProcessDefinitionId())
                .getModelElementById(Activity.PUBLISH_REPLY);
        String cycle = publish.getExtensionElements()
                .getElementsQuery()
                .filterByType(CamundaFailedJobRetryTimeCycle.class)
                .singleResult()
                .getTextContent();
        return Arrays.stream(cycle.split(","))
                .map(String::trim)
                .map(Duration::parse)
                .toList();
    }

    /** Runs the publish step whenever it is due, until it has no retries left; returns how often it ran. */
    private int attemptUntilRetriesAreUsedUp(String processInstanceId, List<Duration> pauses) {
        int attempts = 0;
        while (publishJob(processInstanceId).getRetries() > 0) {
            assertThat(attempts).as("attempts so far, with retries still left").isLessThanOrEqualTo(pauses.size());
            attempt(processInstanceId, pauses, ++attempts);
        }
        return attempts;
    }

    /**
     * Runs the publish step's due job, which fails; while it has retries left, checks that its next try waits the
     * cycle's pause for this attempt, and not less, then moves the engine's clock to it.
     */
    private Job attempt(String processInstanceId, List<Duration> pauses, int attempt) {
        long before = ClockUtil.getCurrentTime().getTime();
        tasklist.runDueJobs(processInstanceId);
        long after = ClockUtil.getCurrentTime().getTime();
        Job failed = publishJob(processInstanceId);
        assertThat(failed.getExceptionMessage())
                .as("attempt %d failed", attempt)
                .isNotNull();
        if (failed.getRetries() > 0) {
            long pause = pauses.get(attempt - 1).toMillis();
            assertThat(failed.getDuedate())
                    .as("the try after attempt %d", attempt)
                    .isBetween(new Date(before + pause - 1_000), new Date(after + pause + 1_000));
            assertThat(management
                            .createJobQuery()
                            .jobId(failed.getId())
                            .executable()
                            .count())
                    .as("not tried again before its pause")
                    .isZero();
            ClockUtil.offset(failed.getDuedate().getTime() - System.currentTimeMillis());
        }
        return failed;
    }

    private Job publishJob(String processInstanceId) {
        return management
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .activityId(Activity.PUBLISH_REPLY)
                .singleResult();
    }

    private Incident incident(String processInstanceId) {
        Incident incident = runtime.createIncidentQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
        assertThat(incident).as("the engine's incident").isNotNull();
        assertThat(incident.getActivityId()).isEqualTo(Activity.PUBLISH_REPLY);
        return incident;
    }

    private String failureCase(String businessKey) {
        List<String> ids = runtime
                .createProcessInstanceQuery()
                .processDefinitionKey(DeliveryFailure.PROCESS_KEY)
                .processInstanceBusinessKey(businessKey)
                .list()
                .stream()
                .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId)
                .toList();
        assertThat(ids).as("delivery-failure cases").hasSize(1);
        return ids.get(0);
    }

    /** The agents' "Handle failed delivery" task, as Ana sees it in Tasklist: the step and what went wrong. */
    private String theAgentsSee(String failure, String... error) {
        String task = tasklist.awaitTask("ana", failure, DeliveryFailure.Activity.HANDLE);
        assertThat(tasks.getIdentityLinksForTask(task).stream()
                        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                        .map(IdentityLink::getGroupId))
                .containsExactlyInAnyOrder("agents", "supervisors");
        JsonNode shown = tasklist.get("ana", tasklist.engine("/task/" + task + "/form-variables"))
                .getBody();
        assertThat(shown.path(DeliveryFailure.Var.FAILED_STEP).path("value").asText())
                .isEqualTo("Publish reply");
        assertThat(shown.path(DeliveryFailure.Var.DELIVERY_ERROR).path("value").asText())
                .contains(error);
        return task;
    }

    private void tryAgain(String failure, String task, String note) {
        tasklist.work(
                "ana",
                failure,
                DeliveryFailure.Activity.HANDLE,
                Tasklist.values(
                        DeliveryFailure.Var.DECISION, DeliveryFailure.Var.RETRY, DeliveryFailure.Var.NOTE, note),
                task);
        tasklist.runDueJobs(failure);
        assertThat(runtime.createProcessInstanceQuery()
                        .processInstanceId(failure)
                        .count())
                .as("failure handled")
                .isZero();
    }

    private void theCaseGoesOnWithTheReplyPostedOnce(Tasklist.Opened c, String instagramId) {
        tasklist.awaitTask("ana", c.processInstanceId(), Activity.PREPARE_FOLLOW_UP);
        OutboxEntry reply = reply(c.caseId());
        assertThat(reply.status()).isEqualTo(Outbox.DELIVERED);
        assertThat(reply.platformRef()).isEqualTo(instagramId);
        assertThat(runtime.createIncidentQuery()
                        .processInstanceId(c.processInstanceId())
                        .count())
                .isZero();
    }

    private OutboxEntry reply(String caseId) {
        List<OutboxEntry> sent = outbox.forCase(caseId);
        assertThat(sent).extracting(OutboxEntry::kind).containsExactly(MessageKind.REPLY);
        return sent.get(0);
    }

    /** The methods of the requests Instagram received under the comment, oldest first. */
    private static List<String> requestsTo(String commentId) {
        List<String> methods = new ArrayList<>(instagram.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().startsWith(replies(commentId)))
                .map(ServeEvent::getRequest)
                .map(request -> request.getMethod().getName())
                .toList());
        Collections.reverse(methods); // WireMock lists the newest first
        return methods;
    }

    private static MappingBuilder replyPost(String commentId) {
        return post(urlPathEqualTo(replies(commentId)));
    }

    private static String replies(String commentId) {
        return "/v21.0/" + commentId + "/replies";
    }

    private int slowerThanTheReadTimeout() {
        return (int) graph.readTimeout().toMillis() * 2;
    }

    private static String json(String text) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(text).toString();
    }
}
