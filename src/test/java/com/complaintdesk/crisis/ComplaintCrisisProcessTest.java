package com.complaintdesk.crisis;

import static com.complaintdesk.crisis.ComplaintCrisis.Activity;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.support.CaseDriver;
import com.complaintdesk.support.ProcessTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** Every path of processes/complaint-crisis.bpmn (T1, X2–X4, P5), with the delegates the application uses. */
class ComplaintCrisisProcessTest extends ProcessTestBase {

    static final String CASE_ID = "case-crisis-1";
    static final String SAFETY = "The power bank started smoking while charging, it almost caught fire. Dangerous!";
    static final String SKU = "PB-10K";
    static final String TITLE = "Power bank 10000 mAh";
    static final String SUMMARY =
            "Customer's power bank smoked while charging; 40 shares in an hour. Called the customer.";
    static final String STATEMENT = "We are investigating reports that a batch of our 10000 mAh power banks overheats "
            + "while charging. Until we know more, please stop using it; we refund every order of this batch.";

    // ---------------------------------------------------------------- driving the crisis, as Tasklist would

    /** Declares the crisis for a case on {@code channel} as the lifecycle does: the start message with the case. */
    private ProcessInstance declare(String channel, boolean publicSurface) {
        Map<String, Object> v = new HashMap<>();
        v.put(ComplaintLifecycle.Var.CASE_ID, CASE_ID);
        v.put(ComplaintLifecycle.Var.CHANNEL, channel);
        v.put(ComplaintLifecycle.Var.TEXT, SAFETY);
        v.put(ComplaintLifecycle.Var.LANGUAGE, "en");
        v.put(ComplaintLifecycle.Var.CUSTOMER_ID, "cust-1");
        v.put(ComplaintLifecycle.Var.CUSTOMER_NAME, "Lin");
        v.put(ComplaintLifecycle.Var.PRODUCT_SKU, SKU);
        v.put(ComplaintLifecycle.Var.PRODUCT_TITLE, TITLE);
        v.put(ComplaintLifecycle.Var.PUBLIC_SURFACE, publicSurface);
        v.put(ComplaintLifecycle.Var.TIER, ComplaintLifecycle.Tier.CRISIS);
        v.put(ComplaintLifecycle.Var.CRISIS_DECLARED_BY, "agent-mei");
        v.put(ComplaintLifecycle.Var.CRISIS_REASON, "Escalated from \"Draft public reply\"");
        return processEngine
                .getRuntimeService()
                .createMessageCorrelation(ComplaintLifecycle.Message.CRISIS_DECLARED)
                .processInstanceBusinessKey(channel + ":ext-crisis-1")
                .setVariables(v)
                .correlateStartMessage();
    }

    private ProcessInstance declare() {
        return declare("instagram", true);
    }

    private Task task(ProcessInstance instance, String activityId) {
        return processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(activityId)
                .singleResult();
    }

    private void complete(ProcessInstance instance, String activityId, Object... keyValues) {
        Task task = Objects.requireNonNull(task(instance, activityId), "no open task " + activityId);
        processEngine.getFormService().submitTaskForm(task.getId(), CaseDriver.map(keyValues));
    }

    private void run(ProcessInstance instance, String activityId) {
        List<Job> jobs = processEngine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(activityId)
                .list();
        assertThat(jobs).as("jobs at " + activityId).hasSize(1);
        processEngine.getManagementService().executeJob(jobs.get(0).getId());
    }

    private List<String> candidateGroups(ProcessInstance instance, String activityId) {
        return processEngine
                .getTaskService()
                .getIdentityLinksForTask(task(instance, activityId).getId())
                .stream()
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
    }

    private Object variable(ProcessInstance instance, String name) {
        return processEngine.getRuntimeService().getVariable(instance.getId(), name);
    }

    private void takeOver(ProcessInstance instance, boolean proposePause, boolean statementNeeded) {
        complete(
                instance,
                Activity.TAKE_OVER,
                ComplaintCrisis.Var.CRISIS_SUMMARY,
                SUMMARY,
                ComplaintCrisis.Var.PROPOSE_PAUSE,
                proposePause,
                ComplaintCrisis.Var.STATEMENT_NEEDED,
                statementNeeded);
    }

    private void draft(ProcessInstance instance, String statement) {
        complete(instance, Activity.DRAFT_STATEMENT, ComplaintCrisis.Var.STATEMENT_TEXT, statement);
    }

    private void verifyThreeEvidenceItemsPreserved() {
        InOrder order = inOrder(fixture.evidence);
        order.verify(fixture.evidence).preserve(eq(CASE_ID), eq("complaint"), anyString(), any(), any());
        order.verify(fixture.evidence).preserve(eq(CASE_ID), eq("order"), contains(SKU), any(), any());
        order.verify(fixture.evidence).preserve(eq(CASE_ID), eq("conversation"), anyString(), any(), any());
        verifyNoMoreInteractions(fixture.evidence);
    }

    // ---------------------------------------------------------------- the declaration (T1, T5)

    @Test
    void aDeclaredCrisisStartsWithTheCaseAndWaitsForASupervisorOnlyToTakeItOver() {
        ProcessInstance crisis = declare();

        assertThat(crisis)
                .isStarted()
                .isWaitingAt(Activity.TAKE_OVER)
                .variables()
                .containsEntry(ComplaintLifecycle.Var.CASE_ID, CASE_ID)
                .containsEntry(ComplaintLifecycle.Var.TIER, "T1")
                .containsEntry(ComplaintLifecycle.Var.PRODUCT_SKU, SKU)
                .containsEntry(ComplaintLifecycle.Var.CRISIS_DECLARED_BY, "agent-mei")
                .containsEntry(ComplaintLifecycle.Var.CRISIS_REASON, "Escalated from \"Draft public reply\"");
        assertThat(crisis.getBusinessKey()).isEqualTo("instagram:ext-crisis-1");
        assertThat(processEngine
                        .getRepositoryService()
                        .getProcessDefinition(crisis.getProcessDefinitionId())
                        .getKey())
                .isEqualTo(ComplaintCrisis.PROCESS_KEY);
        assertThat(candidateGroups(crisis, Activity.TAKE_OVER)).containsExactly("supervisors");
        assertThat(processEngine
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(crisis.getId())
                        .count())
                .isOne();
        assertThat(processEngine
                        .getManagementService()
                        .createJobQuery()
                        .processInstanceId(crisis.getId())
                        .count())
                .isZero();
        assertThat(fixture.sent).isEmpty();
        verifyNoInteractions(fixture.evidence);
    }

    // ---------------------------------------------------------------- pause, evidence and statement (T1, X2–X4)

    @Test
    void ownersPauseTheListingEvidenceIsKeptAndTheApprovedStatementIsPublishedAndTheCrisisEndsOnlyAfterAllThree() {
        ProcessInstance crisis = declare();
        takeOver(crisis, true, true);

        // the three actions run side by side
        assertThat(crisis).isWaitingAt(Activity.DECIDE_ON_PAUSE, Activity.PRESERVE_EVIDENCE, Activity.DRAFT_STATEMENT);
        assertThat(candidateGroups(crisis, Activity.DECIDE_ON_PAUSE)).containsExactly("owners");
        assertThat(candidateGroups(crisis, Activity.DRAFT_STATEMENT)).containsExactly("supervisors");

        complete(
                crisis,
                Activity.DECIDE_ON_PAUSE,
                ComplaintCrisis.Var.PAUSE_DECISION,
                "pause",
                ComplaintCrisis.Var.PAUSE_NOTE,
                "Pause until the supplier has tested the batch.");
        assertThat(crisis).isWaitingAt(Activity.PAUSE_LISTING);
        assertThat(fixture.sent).as("paused only when its job runs").isEmpty();
        run(crisis, Activity.PAUSE_LISTING);
        assertThat(fixture.sent).hasSize(1);
        OutboundMessage pause = fixture.sent.get(0);
        assertThat(pause.kind()).isEqualTo(MessageKind.PAUSE_LISTING);
        assertThat(pause.surface()).isEqualTo(OutboundMessage.ACTION);
        assertThat(pause.recipient()).isEqualTo(SKU);
        assertThat(pause.text()).contains(SKU).contains(TITLE);
        assertThat(pause.caseId()).isEqualTo(CASE_ID);

        run(crisis, Activity.PRESERVE_EVIDENCE);
        verifyThreeEvidenceItemsPreserved();
        assertThat(crisis).as("the statement is still open").isNotEnded().isWaitingAt(Activity.DRAFT_STATEMENT);

        draft(crisis, STATEMENT);
        assertThat(crisis)
                .hasPassed(Activity.CHECK_STATEMENT_RED_LINES)
                .isWaitingAt(Activity.APPROVE_STATEMENT)
                .variables()
                .containsEntry(ComplaintLifecycle.Var.RED_LINE_BLOCKED, false);
        assertThat(candidateGroups(crisis, Activity.APPROVE_STATEMENT)).containsExactly("legal");
        complete(crisis, Activity.APPROVE_STATEMENT, ComplaintCrisis.Var.STATEMENT_DECISION, "approve");
        assertThat(crisis).isNotEnded().isWaitingAt(Activity.PUBLISH_STATEMENT);
        assertThat(fixture.sentKinds()).as("published only when its job runs").containsExactly("PAUSE_LISTING");

        run(crisis, Activity.PUBLISH_STATEMENT);
        assertThat(crisis)
                .isEnded()
                .hasPassed(
                        Activity.PAUSE_LISTING, Activity.PRESERVE_EVIDENCE, Activity.PUBLISH_STATEMENT, Activity.END);
        assertThat(fixture.sentKinds()).containsExactly("PAUSE_LISTING", "STATEMENT");
        OutboundMessage statement = fixture.sent.get(1);
        assertThat(statement.surface()).isEqualTo(OutboundMessage.PUBLIC);
        assertThat(statement.text()).isEqualTo(STATEMENT);
        assertThat(statement.channel()).isEqualTo("instagram");
    }

    @Test
    void ownersWhoKeepTheListingRunningPauseNothing() {
        ProcessInstance crisis = declare();
        takeOver(crisis, true, false);
        complete(
                crisis,
                Activity.DECIDE_ON_PAUSE,
                ComplaintCrisis.Var.PAUSE_DECISION,
                "keep",
                ComplaintCrisis.Var.PAUSE_NOTE,
                "Only one report so far; the batch passed its tests.");

        assertThat(crisis)
                .hasPassed(Activity.DECIDE_ON_PAUSE)
                .hasNotPassed(Activity.PAUSE_LISTING)
                .isWaitingAt(Activity.PRESERVE_EVIDENCE);
        assertThat(processEngine
                        .getManagementService()
                        .createJobQuery()
                        .processInstanceId(crisis.getId())
                        .activityId(Activity.PAUSE_LISTING)
                        .count())
                .isZero();
        run(crisis, Activity.PRESERVE_EVIDENCE);

        assertThat(crisis).isEnded().hasPassed(Activity.END).hasNotPassed(Activity.PAUSE_LISTING);
        assertThat(fixture.sent).isEmpty();
        verifyThreeEvidenceItemsPreserved();
    }

    @Test
    void withoutAProposedPauseOrAStatementOnlyTheEvidenceIsKeptBeforeTheEnd() {
        ProcessInstance crisis = declare();
        takeOver(crisis, false, false);

        assertThat(crisis).isWaitingAt(Activity.PRESERVE_EVIDENCE).isNotEnded();
        assertThat(processEngine
                        .getTaskService()
                        .createTaskQuery()
                        .processInstanceId(crisis.getId())
                        .count())
                .isZero();
        run(crisis, Activity.PRESERVE_EVIDENCE);

        assertThat(crisis)
                .isEnded()
                .hasPassed(Activity.PRESERVE_EVIDENCE, Activity.END)
                .hasNotPassed(
                        Activity.DECIDE_ON_PAUSE,
                        Activity.PAUSE_LISTING,
                        Activity.DRAFT_STATEMENT,
                        Activity.APPROVE_STATEMENT,
                        Activity.PUBLISH_STATEMENT);
        assertThat(fixture.sent).isEmpty();
        verifyThreeEvidenceItemsPreserved();
    }

    // ---------------------------------------------------------------- red lines (X3, P5)

    @Test
    void aStatementCrossingARedLineIsSentBackToTheDraftWithTheReasonsAndNothingIsSent() {
        ProcessInstance crisis = declare();
        takeOver(crisis, false, true);

        draft(crisis, "We are sorry. We guarantee this will never happen again with any of our power banks.");
        assertThat(crisis)
                .hasPassed(Activity.CHECK_STATEMENT_RED_LINES)
                .hasNotPassed(Activity.APPROVE_STATEMENT)
                .isWaitingAt(Activity.DRAFT_STATEMENT)
                .variables()
                .containsEntry(ComplaintLifecycle.Var.RED_LINE_BLOCKED, true);
        assertThat((String) variable(crisis, ComplaintLifecycle.Var.RED_LINE_REASONS))
                .contains("BLOCKED")
                .contains("we guarantee")
                .contains("will never happen again");

        draft(crisis, "We checked the batch and the charger works as described: it is your fault for using it wrong.");
        assertThat(crisis)
                .hasNotPassed(Activity.APPROVE_STATEMENT)
                .isWaitingAt(Activity.DRAFT_STATEMENT)
                .variables()
                .containsEntry(ComplaintLifecycle.Var.RED_LINE_BLOCKED, true);
        assertThat((String) variable(crisis, ComplaintLifecycle.Var.RED_LINE_REASONS))
                .contains("BLOCKED")
                .contains("your fault")
                .doesNotContain("we guarantee");
        assertThat(candidateGroups(crisis, Activity.DRAFT_STATEMENT)).containsExactly("supervisors");

        run(crisis, Activity.PRESERVE_EVIDENCE);
        assertThat(crisis).as("a blocked statement keeps the crisis open").isNotEnded();
        assertThat(fixture.sent).isEmpty();

        draft(crisis, STATEMENT);
        assertThat(crisis)
                .isWaitingAt(Activity.APPROVE_STATEMENT)
                .variables()
                .containsEntry(ComplaintLifecycle.Var.RED_LINE_BLOCKED, false);
        assertThat(fixture.sent).isEmpty();
    }

    // ---------------------------------------------------------------- legal's approval (X2, X3)

    @Test
    void legalSendsTheStatementBackWithANoteAndTheSupervisorSeesItOnTheDraft() {
        ProcessInstance crisis = declare();
        takeOver(crisis, false, true);
        draft(crisis, STATEMENT);

        complete(
                crisis,
                Activity.APPROVE_STATEMENT,
                ComplaintCrisis.Var.STATEMENT_DECISION,
                "reject",
                ComplaintCrisis.Var.STATEMENT_REVIEW_NOTE,
                "Do not promise refunds for the whole batch; say we contact each buyer.");

        assertThat(crisis)
                .hasNotPassed(Activity.PUBLISH_STATEMENT)
                .isWaitingAt(Activity.DRAFT_STATEMENT)
                .variables()
                .containsEntry(
                        ComplaintCrisis.Var.STATEMENT_REVIEW_NOTE,
                        "Do not promise refunds for the whole batch; say we contact each buyer.");
        assertThat(fixture.sent).isEmpty();

        String revised = "We are investigating reports that a batch of our 10000 mAh power banks overheats while "
                + "charging. Please stop using it; we are contacting every buyer of this batch directly.";
        draft(crisis, revised);
        complete(crisis, Activity.APPROVE_STATEMENT, ComplaintCrisis.Var.STATEMENT_DECISION, "approve");
        run(crisis, Activity.PUBLISH_STATEMENT);
        run(crisis, Activity.PRESERVE_EVIDENCE);

        assertThat(crisis).isEnded().hasPassed(Activity.END);
        assertThat(fixture.sentKinds()).containsExactly("STATEMENT");
        assertThat(fixture.sent.get(0).text()).isEqualTo(revised);
    }

    @Test
    void sendingTheStatementBackWithoutANoteIsRefusedAndTheApprovalStaysOpen() {
        ProcessInstance crisis = declare();
        takeOver(crisis, false, true);
        draft(crisis, STATEMENT);
        String taskId = task(crisis, Activity.APPROVE_STATEMENT).getId();

        assertThatThrownBy(() -> processEngine
                        .getFormService()
                        .submitTaskForm(taskId, CaseDriver.map(ComplaintCrisis.Var.STATEMENT_DECISION, "reject")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("statementReviewNote is required when sending back")
                .hasRootCauseInstanceOf(FormFieldValidationException.class);

        assertThat(crisis).isWaitingAt(Activity.APPROVE_STATEMENT).hasNotPassed(Activity.PUBLISH_STATEMENT);
        assertThat(task(crisis, Activity.APPROVE_STATEMENT).getId()).isEqualTo(taskId);
        assertThat(fixture.sent).isEmpty();
    }

    // ---------------------------------------------------------------- where the statement goes (T1)

    @Test
    void aStatementForAChannelWithoutAPublicSurfaceIsPublishedPrivately() {
        ProcessInstance crisis = declare("email", false);
        takeOver(crisis, false, true);
        draft(crisis, STATEMENT);
        complete(crisis, Activity.APPROVE_STATEMENT, ComplaintCrisis.Var.STATEMENT_DECISION, "approve");
        run(crisis, Activity.PUBLISH_STATEMENT);
        run(crisis, Activity.PRESERVE_EVIDENCE);

        assertThat(crisis).isEnded().hasPassed(Activity.PUBLISH_STATEMENT, Activity.END);
        assertThat(fixture.sentKinds()).containsExactly("STATEMENT");
        assertThat(fixture.sent.get(0).surface()).isEqualTo(OutboundMessage.PRIVATE);
        assertThat(fixture.sent.get(0).channel()).isEqualTo("email");
        assertThat(fixture.sent.get(0).text()).isEqualTo(STATEMENT);
    }
}
