package com.complaintdesk.channel.instagram;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.support.Tasklist;
import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Instagram Graph API of the app tests: a WireMock server answering in the shapes Meta documents, and the
 * properties that give the application Instagram credentials and point its Graph API base URL at the server.
 */
final class InstagramGraphStub {

    /** The shop's Instagram professional account id, as the application is configured with it. */
    static final String ACCOUNT = "17841400000000002";

    private InstagramGraphStub() {}

    /** A stub on a free port, started: the application context, started later, reads its address. */
    static WireMockServer started() {
        WireMockServer instagram = new WireMockServer(wireMockConfig().dynamicPort());
        instagram.start();
        return instagram;
    }

    /**
     * Instagram delivery live against {@code instagram}, waiting {@code readTimeout} for an answer, in an application
     * context of its own with the process engine {@code engineName}.
     */
    static void configure(
            DynamicPropertyRegistry properties, WireMockServer instagram, String engineName, String readTimeout) {
        properties.add("complaintdesk.channels.instagram.graph.base-url", () -> instagram.baseUrl() + "/v21.0");
        properties.add("complaintdesk.channels.instagram.graph.access-token", () -> "app-test-token");
        properties.add("complaintdesk.channels.instagram.graph.account-id", () -> ACCOUNT);
        properties.add("complaintdesk.channels.instagram.graph.read-timeout", () -> readTimeout);
        // A context of its own, which replaces the other tests' shared one for this class (one open at a time, see
        // spring.properties). Closing it must leave JVM-wide state alone: an engine of another name unregisters only
        // itself, not the shared "default", and without the webapps it clears none of their static runtime. No job
        // executor: on PostgreSQL it shares the database with the shared context's; the tests run the jobs.
        properties.add("camunda.bpm.process-engine-name", () -> engineName);
        properties.add("camunda.bpm.webapp.enabled", () -> "false");
        properties.add("camunda.bpm.job-execution.enabled", () -> "false");
    }

    /**
     * T3 under an Instagram post (the mug without a lid): Ana confirms the triage and drafts the public reply, each
     * after the jobs before it ran; the publish step's job is next.
     */
    static void triageAndDraftReply(Tasklist tasklist, String processInstanceId) {
        tasklist.runDueJobs(processInstanceId);
        tasklist.work(
                "ana",
                processInstanceId,
                Activity.CONFIRM_TRIAGE,
                Var.TIER,
                "T3",
                Var.CATEGORY,
                "suggestion",
                Var.ESCALATE_TO_CRISIS,
                false,
                Var.TRIAGE_NOTE,
                "Product idea: a lid.");
        tasklist.runDueJobs(processInstanceId);
        tasklist.work(
                "ana",
                processInstanceId,
                Activity.DRAFT_REPLY,
                Var.REPLY_APOLOGY,
                "Thank you so much for the kind words and for sharing this idea with us.",
                Var.REPLY_CAUSE,
                "The 350 ml mug is sold without a lid today.",
                Var.REPLY_SOLUTION,
                "We have passed your bamboo lid idea to our design team.",
                Var.REPLY_INVITATION,
                "We have sent you a direct message to hear more.",
                Var.ESCALATE_TO_CRISIS,
                false);
    }
}
