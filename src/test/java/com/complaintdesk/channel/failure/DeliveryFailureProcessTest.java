package com.complaintdesk.channel.failure;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;

import com.complaintdesk.channel.ChannelException;
import com.complaintdesk.channel.Delivery;
import com.complaintdesk.lifecycle.EngineClock;
import com.complaintdesk.support.CaseDriver;
import com.complaintdesk.support.ProcessTestBase;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * processes/delivery-failure.bpmn: when a platform keeps refusing a step's delivery, the engine raises an incident
 * and the agents get a task to try again or deliver by hand; the case then goes on, and nothing is posted twice.
 */
class DeliveryFailureProcessTest extends ProcessTestBase {

    static final String QUALITY = "The zipper is broken after one day, poor quality.";

    CaseDriver c;
    ProcessInstance failure;

    /** A T2 reply that the platform refuses on every retry. */
    private void aReplyThePlatformRefuses() {
        doThrow(new ChannelException("(#200) Permissions error"))
                .when(fixture.outbox)
                .send(any(), any());
        c = CaseDriver.start(processEngine, "instagram", QUALITY, "en", "Europe/Berlin", POSTED_AT);
        c.triage("T2", "quality").draftReply();
        failEveryRetry(Activity.PUBLISH_REPLY);
        failure = processEngine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(DeliveryFailure.PROCESS_KEY)
                .singleResult();
    }

    @Test
    void theLastFailedRetryRaisesAnIncidentAndGivesTheAgentsAFailedDeliveryTask() {
        aReplyThePlatformRefuses();
        Incident incident = processEngine
                .getRuntimeService()
                .createIncidentQuery()
                .processInstanceId(c.instance.getId())
                .singleResult();
        assertThat(incident.getActivityId()).isEqualTo(Activity.PUBLISH_REPLY);

        ProcessInstance failure = failureCase();
        assertThat(failure)
                .isWaitingAt(DeliveryFailure.Activity.HANDLE)
                .variables()
                .containsEntry(DeliveryFailure.Var.FAILED_STEP, "Publish reply")
                .containsEntry(DeliveryFailure.Var.FAILED_ACTIVITY_ID, Activity.PUBLISH_REPLY)
                .hasEntrySatisfying(DeliveryFailure.Var.DELIVERY_ERROR, e -> assertThat((String) e)
                        .contains("(#200) Permissions error"));
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(task().getId()))
                .extracting(l -> l.getGroupId())
                .containsExactlyInAnyOrder("agents", "supervisors");
        assertThat(c.instance).isWaitingAt(Activity.PUBLISH_REPLY);
    }

    @Test
    void anAgentWhoDeliveredByHandLetsTheCaseGoOnWithoutPostingAgain() {
        aReplyThePlatformRefuses();
        complete("manual", "Posted the reply by hand in the Instagram app at 10:05.");

        assertThat(processEngine
                        .getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(c.instance.getId())
                        .count())
                .isZero();
        c.run(Activity.PUBLISH_REPLY);

        assertThat(c.instance).hasPassed(Activity.END_FIRST_RESPONSE_GIVEN).isWaitingAt(Activity.PREPARE_FOLLOW_UP);
        assertThat(fixture.manual).extracting(m -> m.kind().name()).containsExactly("REPLY");
        assertThat(fixture.sent).isEmpty();
        assertThat(failureCase()).isEnded();
    }

    @Test
    void tryingAgainOnceThePlatformIsBackDeliversAndTheCaseGoesOn() {
        aReplyThePlatformRefuses();
        doAnswer(call -> {
                    fixture.sent.add(call.getArgument(0));
                    return new Delivery(UUID.randomUUID().toString(), "ig-1", "delivered", EngineClock.now());
                })
                .when(fixture.outbox)
                .send(any(), any());
        complete("retry", "The access token was renewed; try again.");
        c.run(Activity.PUBLISH_REPLY);

        assertThat(c.instance).isWaitingAt(Activity.PREPARE_FOLLOW_UP);
        assertThat(fixture.sentKinds()).containsExactly("REPLY");
        assertThat(fixture.manual).isEmpty();
    }

    @Test
    void aRefusalThatRetryingCannotChangeReachesTheAgentsAfterTheFirstAttempt() {
        doThrow(ChannelException.refused("eBay takes a feedback reply of at most 80 characters; this one has 95"))
                .when(fixture.outbox)
                .send(any(), any());
        c = CaseDriver.start(processEngine, "instagram", QUALITY, "en", "Europe/Berlin", POSTED_AT);
        c.triage("T2", "quality").draftReply();
        Job job = c.job(Activity.PUBLISH_REPLY);
        assertThat(job.getRetries()).as("the step's retry cycle").isGreaterThan(1);

        assertThatThrownBy(() -> processEngine.getManagementService().executeJob(job.getId()))
                .isInstanceOf(ChannelException.class);

        assertThat(c.job(Activity.PUBLISH_REPLY).getRetries()).isZero();
        assertThat(processEngine
                        .getRuntimeService()
                        .createIncidentQuery()
                        .processInstanceId(c.instance.getId())
                        .singleResult()
                        .getIncidentMessage())
                .contains("at most 80 characters");
        assertThat(task()).as("the agents' task, after one attempt").isNotNull();
    }

    @Test
    void aFailureThatMayPassRetriesAsUsual() {
        doThrow(new ChannelException("Instagram failed on the comment reply (HTTP 503)"))
                .when(fixture.outbox)
                .send(any(), any());
        c = CaseDriver.start(processEngine, "instagram", QUALITY, "en", "Europe/Berlin", POSTED_AT);
        c.triage("T2", "quality").draftReply();
        Job job = c.job(Activity.PUBLISH_REPLY);
        int retries = job.getRetries();

        assertThatThrownBy(() -> processEngine.getManagementService().executeJob(job.getId()))
                .isInstanceOf(ChannelException.class);

        assertThat(c.job(Activity.PUBLISH_REPLY).getRetries()).isEqualTo(retries - 1);
        assertThat(task()).as("no task while retries are left").isNull();
    }

    @Test
    void tryingAgainReleasesTheInterruptedSendOfExactlyThatStep() {
        aReplyThePlatformRefuses();
        complete("retry", "Looked under the comment on Instagram: our reply is not there.");

        Job again = c.job(Activity.PUBLISH_REPLY);
        assertThat(again.getRetries()).isEqualTo(1);
        assertThat(again.getDuedate())
                .as("due at once, not at the failed attempt's next try")
                .isBeforeOrEqualTo(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime());
        verify(fixture.outbox).confirmNotDelivered(eq(c.instance.getId() + ":" + Activity.PUBLISH_REPLY), any());
    }

    @Test
    void aDecisionIsRequiredAndTheNoteSaysWhatWasDone() {
        aReplyThePlatformRefuses();
        Task task = task();
        assertThatThrownBy(() -> processEngine
                        .getFormService()
                        .submitTaskForm(
                                task.getId(),
                                CaseDriver.map(
                                        DeliveryFailure.Var.DECISION,
                                        "later",
                                        DeliveryFailure.Var.NOTE,
                                        "Will look at it tomorrow.")))
                .hasMessageContaining("deliveryDecision");
        assertThat(failureCase()).isWaitingAt(DeliveryFailure.Activity.HANDLE);
    }

    private void failEveryRetry(String activityId) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Job job = c.job(activityId);
            if (job == null || job.getRetries() == 0) {
                return;
            }
            assertThatThrownBy(() -> processEngine.getManagementService().executeJob(job.getId()))
                    .isInstanceOf(ChannelException.class);
        }
        throw new AssertionError("the job kept retrying");
    }

    /** The delivery-failure case the incident started (running or ended). */
    private ProcessInstance failureCase() {
        return failure;
    }

    private Task task() {
        return processEngine
                .getTaskService()
                .createTaskQuery()
                .processDefinitionKey(DeliveryFailure.PROCESS_KEY)
                .taskDefinitionKey(DeliveryFailure.Activity.HANDLE)
                .singleResult();
    }

    private void complete(String decision, String note) {
        processEngine
                .getFormService()
                .submitTaskForm(
                        task().getId(),
                        CaseDriver.map(DeliveryFailure.Var.DECISION, decision, DeliveryFailure.Var.NOTE, note));
    }
}
