package com.complaintdesk.lifecycle;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Activity;
import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import com.complaintdesk.sla.ApplyRetierDelegate;
import com.complaintdesk.sla.SlaClock;
import com.complaintdesk.sla.StartFirstResponseClockDelegate;
import com.complaintdesk.triage.ApplyConfirmedTriageDelegate;
import com.complaintdesk.triage.ClassifyComplaintTextDelegate;
import com.complaintdesk.triage.ValidateConfirmedTriageListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {
        "processes/complaint-lifecycle.bpmn",
        "processes/decisions/triage.dmn",
        "processes/decisions/sla-policy.dmn",
        "forms/confirm-triage.form",
        "forms/first-response-breach.form"})
class ComplaintLifecycleProcessTest {

    @RegisterExtension
    static ProcessEngineExtension engine = com.complaintdesk.support.ProcessTestEngine.extension();

    /** The case was posted 10 minutes before it reached us. */
    static final Instant POSTED_AT = Instant.parse("2025-03-01T08:00:00Z");
    static final Instant NOW = POSTED_AT.plus(Duration.ofMinutes(10));

    ProcessEngine processEngine;

    @BeforeEach
    void setUp() {
        processEngine = engine.getProcessEngine();
        AbstractAssertions.init(processEngine);
        ClockUtil.setCurrentTime(Date.from(NOW));
        SlaClock clock = new SlaClock(processEngine.getDecisionService());
        Mocks.register("classifyComplaintTextDelegate", new ClassifyComplaintTextDelegate());
        Mocks.register("startFirstResponseClockDelegate", new StartFirstResponseClockDelegate(clock));
        Mocks.register("validateConfirmedTriageListener", new ValidateConfirmedTriageListener());
        Mocks.register("applyConfirmedTriageDelegate", new ApplyConfirmedTriageDelegate(clock));
        Mocks.register("applyRetierDelegate", new ApplyRetierDelegate(clock));
    }

    @AfterEach
    void tearDown() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void generalComplaintConfirmedAsT3EndsTriageConfirmed() {
        ProcessInstance instance = start("Lovely sweater. Just an idea: would be nice to have a care label.");

        assertThat(instance).isWaitingAt(Activity.CONFIRM_TRIAGE)
                .hasPassed(Activity.CLASSIFY_TEXT, Activity.SUGGEST_TRIAGE, Activity.LOOK_UP_SLA_POLICY,
                        Activity.START_FIRST_RESPONSE_CLOCK)
                .variables()
                .containsEntry(Var.SUGGESTED_TIER, "T3")
                .containsEntry(Var.TIER, "T3")
                .containsEntry(Var.SUGGESTED_CATEGORY, "suggestion")
                .containsEntry(Var.FIRST_RESPONSE_WITHIN, "PT24H");
        assertThat(task()).hasCandidateGroup("agents").hasCandidateGroup("supervisors");

        complete(Map.of(Var.TIER, "T3", Var.CATEGORY, "suggestion", Var.ESCALATE_TO_CRISIS, false));

        assertThat(instance).isEnded().hasPassed(Activity.APPLY_CONFIRMED_TRIAGE, Activity.END_TRIAGE_CONFIRMED)
                .hasNotPassed(Activity.END_ESCALATED_TO_CRISIS);
    }

    @Test
    void safetyComplaintIsSuggestedT1AndEndsEscalatedToCrisis() {
        ProcessInstance instance = start("充电宝充电时冒烟了，差点着火，太危险了！");

        assertThat(instance).isWaitingAt(Activity.CONFIRM_TRIAGE).variables()
                .containsEntry(Var.SUGGESTED_TIER, "T1")
                .containsEntry(Var.SUGGESTED_CATEGORY, "safety")
                .containsEntry(Var.ESCALATION_GROUPS, "supervisors,owners")
                .containsEntry(Var.FIRST_RESPONSE_DUE_AT, Date.from(POSTED_AT.plus(Duration.ofHours(1))));

        complete(Map.of(Var.TIER, "T1", Var.CATEGORY, "safety"));

        assertThat(instance).isEnded().hasPassed(Activity.END_ESCALATED_TO_CRISIS);
    }

    @Test
    void agentEscalatesAGeneralComplaintToCrisisInOneStep() {
        // T5: one completion, no approval in between
        ProcessInstance instance = start("Meh, the colour is a bit different from the photo. Not great.");
        assertThat(instance).variables().containsEntry(Var.SUGGESTED_TIER, "T3");

        complete(Map.of(Var.TIER, "T3", Var.CATEGORY, "other", Var.ESCALATE_TO_CRISIS, true));

        assertThat(instance).isEnded().hasPassed(Activity.END_ESCALATED_TO_CRISIS);
        assertThat(historicVariable(instance, Var.TIER)).isEqualTo("T1");
        assertThat(historicVariable(instance, Var.FIRST_RESPONSE_DUE_AT))
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(1))));
    }

    @Test
    void firstResponseDeadlineCountsFromPostedAtAndEscalatesToSupervisorsWithoutCancellingTheAgentsTask() {
        // T4: T2 → 4 hours from the post (08:00), not from the start of the case (08:10)
        ProcessInstance instance = start("The zipper is broken after one day, poor quality.");
        Job timer = timerJob(instance);
        assertThat(timer.getDuedate()).isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(4))));

        ClockUtil.setCurrentTime(Date.from(POSTED_AT.plus(Duration.ofHours(4)).plusSeconds(1)));
        execute(job(Activity.FIRST_RESPONSE_DUE, instance));

        assertThat(instance).isWaitingAt(Activity.CONFIRM_TRIAGE, Activity.HANDLE_FIRST_RESPONSE_BREACH);
        Task breach = breachTask(instance);
        assertThat(candidateGroups(breach)).containsExactly("supervisors");

        processEngine.getTaskService().complete(breach.getId(), Map.of(Var.BREACH_NOTE, "Called the customer"));
        assertThat(instance).hasPassed(Activity.END_BREACH_HANDLED).isWaitingAt(Activity.CONFIRM_TRIAGE);
    }

    @Test
    void crisisBreachIsEscalatedToOwnersToo() {
        ProcessInstance instance = start("This is a scam, the watch is a fake counterfeit!");
        assertThat(timerJob(instance).getDuedate()).isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(1))));

        execute(job(Activity.FIRST_RESPONSE_DUE, instance));

        assertThat(candidateGroups(breachTask(instance))).containsExactlyInAnyOrder("supervisors", "owners");
    }

    @Test
    void retierToCrisisMovesTheOpenDeadlineToOneHourAfterPosting() {
        ProcessInstance instance = start("Would be nice to have more colours, just an idea.");
        assertThat(timerJob(instance).getDuedate()).isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(24))));

        processEngine.getRuntimeService().createMessageCorrelation(ComplaintLifecycle.Message.RETIER)
                .processInstanceId(instance.getId())
                .setVariable(Var.TIER, "T1")
                .setVariable(Var.RETIER_REASON, "The comment went viral: 300 shares in an hour")
                .correlateWithResult();

        assertThat(instance).hasPassed(Activity.APPLY_RETIER).isWaitingAt(Activity.CONFIRM_TRIAGE)
                .variables()
                .containsEntry(Var.TIER, "T1")
                .containsEntry(Var.ESCALATION_GROUPS, "supervisors,owners")
                .containsEntry(Var.FIRST_RESPONSE_DUE_AT, Date.from(POSTED_AT.plus(Duration.ofHours(1))));
        assertThat(timerJob(instance).getDuedate()).isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(1))));
    }

    @Test
    void correctedTierOnConfirmationRecomputesTheDeadline() {
        ProcessInstance instance = start("Would be nice to have more colours, just an idea.");
        assertThat(instance).variables().containsEntry(Var.TIER, "T3");

        complete(Map.of(Var.TIER, "T2", Var.CATEGORY, "quality"));

        assertThat(instance).isEnded().hasPassed(Activity.END_TRIAGE_CONFIRMED);
        assertThat(historicVariable(instance, Var.FIRST_RESPONSE_DUE_AT))
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(4))));
        assertThat(historicVariable(instance, Var.RESOLUTION_DUE_AT))
                .isEqualTo(Date.from(POSTED_AT.plus(Duration.ofHours(24))));
        assertThat(historicVariable(instance, Var.ESCALATION_GROUPS)).isEqualTo("supervisors");
    }

    @Test
    void invalidTierOrCategoryIsRefusedAndTheTaskStaysOpen() {
        ProcessInstance instance = start("Would be nice to have more colours, just an idea.");
        String taskId = task(instance).getId();

        Map<String, Object> badTier = new HashMap<>(Map.of(Var.TIER, "T9", Var.CATEGORY, "quality"));
        assertThatThrownBy(() -> processEngine.getFormService().submitTaskForm(taskId, badTier))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Tier must be one of [T1, T2, T3] but was 'T9'")
                .hasRootCauseInstanceOf(FormFieldValidationException.class);
        Map<String, Object> missingCategory = new HashMap<>();
        missingCategory.put(Var.TIER, "T2");
        missingCategory.put(Var.CATEGORY, null);
        assertThatThrownBy(() -> processEngine.getTaskService().complete(taskId, missingCategory))
                .hasMessageContaining("Category must be one of")
                .hasMessageContaining("but was missing");

        assertThat(instance).isWaitingAt(Activity.CONFIRM_TRIAGE).variables()
                .containsEntry(Var.TIER, "T3")
                .containsEntry(Var.CATEGORY, "suggestion");
        assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    }

    private ProcessInstance start(String text) {
        Map<String, Object> v = new HashMap<>();
        v.put(Var.CASE_ID, "case-1");
        v.put(Var.CHANNEL, "instagram");
        v.put(Var.EXTERNAL_ID, "c-" + text.hashCode());
        v.put(Var.POSTED_AT, Date.from(POSTED_AT));
        v.put(Var.TEXT, text);
        v.put(Var.LANGUAGE, "en");
        v.put(Var.CUSTOMER_ID, "u-1");
        v.put(Var.CUSTOMER_NAME, "Lin");
        v.put(Var.ORDER_ID, null);
        v.put(Var.ORDER_VALUE, null);
        v.put(Var.PROMISED_DELIVERY, null);
        v.put(Var.DELIVERED_AT, null);
        v.put(Var.PRODUCT_FRAGILE, false);
        v.put(Var.LIKES, 3);
        v.put(Var.SHARES, 0);
        v.put(Var.COMMENTS, 1);
        return processEngine.getRuntimeService()
                .startProcessInstanceByKey(ComplaintLifecycle.PROCESS_KEY, "instagram:" + text.hashCode(), v);
    }

    private void complete(Map<String, Object> variables) {
        Task confirm = processEngine.getTaskService().createTaskQuery()
                .taskDefinitionKey(Activity.CONFIRM_TRIAGE).singleResult();
        processEngine.getFormService().submitTaskForm(confirm.getId(), new HashMap<>(variables));
    }

    private Job timerJob(ProcessInstance instance) {
        return processEngine.getManagementService().createJobQuery()
                .processInstanceId(instance.getId()).activityId(Activity.FIRST_RESPONSE_DUE).singleResult();
    }

    private Task breachTask(ProcessInstance instance) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(Activity.HANDLE_FIRST_RESPONSE_BREACH).singleResult();
    }

    private java.util.List<String> candidateGroups(Task task) {
        return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
    }

    private Object historicVariable(ProcessInstance instance, String name) {
        return processEngine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
    }
}
