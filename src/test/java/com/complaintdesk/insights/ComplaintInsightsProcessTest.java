package com.complaintdesk.insights;

import static com.complaintdesk.insights.ComplaintInsights.Activity;
import static com.complaintdesk.insights.ComplaintInsights.Var;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.complaintdesk.support.CaseDriver;
import com.complaintdesk.support.ProcessTestBase;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every path of processes/complaint-insights.bpmn (A1, A2: the weekly and monthly schedules, the report, the owners'
 * systemic-fix decision and its reminder) and processes/product-feedback-digest.bpmn (A3), with the application's
 * delegates over mocked services.
 */
class ComplaintInsightsProcessTest extends ProcessTestBase {

    static final StreakAlerts.Evidence EVIDENCE = new StreakAlerts.Evidence(
            "WEEK",
            "packaging_damage",
            List.of(
                    new StreakAlerts.StreakPeriod("2025-W06", 9, 4),
                    new StreakAlerts.StreakPeriod("2025-W07", 7, 3),
                    new StreakAlerts.StreakPeriod("2025-W08", 5, 2)),
            List.of(new StreakAlerts.ExampleCase(
                    "case-1",
                    "ebay:fb-1",
                    "T2",
                    OffsetDateTime.parse("2025-02-20T09:00:00Z"),
                    "The box was crushed.",
                    "/audit/case.html?id=case-1")));

    final InsightsRuns runs = mock(InsightsRuns.class);
    final StreakAlerts alerts = mock(StreakAlerts.class);
    final ProductDigests digests = mock(ProductDigests.class);

    @BeforeEach
    void registerInsightsDelegates() {
        Mocks.register("computePeriodReportDelegate", new ComputePeriodReportDelegate(runs));
        Mocks.register("recordSystemicFixDecisionDelegate", new RecordSystemicFixDecisionDelegate(alerts));
        Mocks.register("remindOwnersOfSystemicFixDelegate", new RemindOwnersOfSystemicFixDelegate());
        Mocks.register("computeProductDigestDelegate", new ComputeProductDigestDelegate(digests));
        Mocks.register("recordDigestReviewDelegate", new RecordDigestReviewDelegate(digests));
    }

    private ProcessInstance report(String granularity, String label) {
        return processEngine
                .getRuntimeService()
                .startProcessInstanceByKey(
                        ComplaintInsights.PROCESS_KEY,
                        CaseDriver.map(Var.GRANULARITY, granularity, Var.PERIOD_LABEL, label));
    }

    private void streakFound() {
        when(runs.reportPeriod(eq("WEEK"), any(), any(), anyString()))
                .thenReturn(new InsightsRuns.PeriodRun(
                        "2025-W08", 5, "packaging_damage", new StreakAlerts.Outcome.FixOpened("fix-1", EVIDENCE)));
    }

    private Task task(ProcessInstance instance, String activityId) {
        return processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(instance.getId())
                .taskDefinitionKey(activityId)
                .singleResult();
    }

    private List<String> candidateGroups(Task task) {
        return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId)
                .filter(Objects::nonNull)
                .sorted()
                .toList();
    }

    @Test
    void aPeriodWithoutANewStreakIsStoredAndEndsWithoutATaskForTheOwners() {
        when(runs.reportPeriod(eq("MONTH"), eq("2025-01"), any(), anyString()))
                .thenReturn(new InsightsRuns.PeriodRun("2025-01", 12, "quality", null));

        ProcessInstance instance = report("MONTH", "2025-01");

        assertThat(instance)
                .isEnded()
                .hasPassed(Activity.COMPUTE_PERIOD_REPORT, Activity.END_NO_NEW_SYSTEMIC_FIX)
                .hasNotPassed(Activity.DECIDE_SYSTEMIC_FIX);
        verify(runs)
                .reportPeriod(
                        eq("MONTH"),
                        eq("2025-01"),
                        eq(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC)),
                        eq(instance.getId()));
        assertThat(processEngine
                        .getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .processInstanceId(instance.getId())
                        .variableName(Var.SYSTEMIC_FIX_NEEDED)
                        .singleResult()
                        .getValue())
                .isEqualTo(false);
    }

    @Test
    void aNewStreakAsksTheOwnersToDecideOnASystemicFixWithTheEvidenceAndKeepsTheirDecision() {
        streakFound();

        ProcessInstance instance = report("WEEK", null);

        assertThat(instance)
                .isWaitingAt(Activity.DECIDE_SYSTEMIC_FIX)
                .variables()
                .containsEntry(Var.SYSTEMIC_FIX_ID, "fix-1")
                .containsEntry(Var.SYSTEMIC_FIX_CATEGORY, "packaging_damage")
                .containsEntry(
                        Var.SYSTEMIC_FIX_PERIODS,
                        """
                        packaging_damage has been the top complaint for 3 weeks running:
                        2025-W06: 4 of 9 cases
                        2025-W07: 3 of 7 cases
                        2025-W08: 2 of 5 cases""")
                .containsEntry(
                        Var.SYSTEMIC_FIX_EXAMPLES,
                        "ebay:fb-1 | T2 | 2025-02-20T09:00:00Z | The box was crushed. | /audit/case.html?id=case-1");
        Task decide = task(instance, Activity.DECIDE_SYSTEMIC_FIX);
        assertThat(candidateGroups(decide)).containsExactly("owners");
        assertThat(decide.getName()).isEqualTo("Decide on a systemic fix");

        processEngine.getIdentityService().setAuthenticatedUserId("olga");
        try {
            processEngine
                    .getFormService()
                    .submitTaskForm(
                            decide.getId(),
                            CaseDriver.map(
                                    Var.SYSTEMIC_FIX_DECISION,
                                    "change_supplier_or_product",
                                    Var.SYSTEMIC_FIX_CHANGE,
                                    "Double-box every fragile item; new carton supplier.",
                                    Var.SYSTEMIC_FIX_OWNER,
                                    "Operations lead",
                                    Var.SYSTEMIC_FIX_DUE_ON,
                                    "2025-03-31"));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }

        assertThat(instance)
                .isEnded()
                .hasPassed(Activity.RECORD_SYSTEMIC_FIX_DECISION, Activity.END_SYSTEMIC_FIX_DECIDED);
        verify(alerts)
                .decide(
                        "fix-1",
                        "change_supplier_or_product",
                        "Double-box every fragile item; new carton supplier.",
                        "Operations lead",
                        LocalDate.of(2025, 3, 31),
                        "olga",
                        OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
    }

    @Test
    void aSystemicFixStillUndecidedAfterSevenDaysGoesToTheTopOfTheOwnersListAndStaysOpen() {
        streakFound();
        ProcessInstance instance = report("WEEK", null);
        Job reminder = processEngine
                .getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .activityId(Activity.SYSTEMIC_FIX_REMINDER)
                .singleResult();
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(7))));

        ClockUtil.setCurrentTime(Date.from(NOW.plus(Duration.ofDays(7)).plusSeconds(1)));
        processEngine.getManagementService().executeJob(reminder.getId());

        assertThat(instance).isWaitingAt(Activity.DECIDE_SYSTEMIC_FIX).hasPassed(Activity.REMIND_SYSTEMIC_FIX);
        Task decide = task(instance, Activity.DECIDE_SYSTEMIC_FIX);
        assertThat(decide.getPriority()).isEqualTo(RemindOwnersOfSystemicFixDelegate.OVERDUE_PRIORITY);
        assertThat(processEngine.getTaskService().getTaskComments(decide.getId()))
                .singleElement()
                .satisfies(c ->
                        assertThat(c.getFullMessage()).startsWith("Still undecided: the owners are reminded (A2)."));
        verify(alerts, never()).decide(any(), any(), any(), any(), any(), any(), any());
    }

    @Test
    void theWeeklyScheduleReportsTheWeekBeforeThroughComplaintInsights() {
        when(runs.reportPeriod(eq("WEEK"), isNull(), any(), anyString()))
                .thenReturn(new InsightsRuns.PeriodRun("2025-W08", 5, "quality", null));
        Job weekly = processEngine
                .getManagementService()
                .createJobQuery()
                .processDefinitionKey(ComplaintInsights.WEEKLY_PROCESS_KEY)
                .timers()
                .singleResult();

        processEngine.getManagementService().executeJob(weekly.getId());

        assertThat(processEngine
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(ComplaintInsights.WEEKLY_PROCESS_KEY)
                        .finished()
                        .count())
                .isEqualTo(1);
        assertThat(processEngine
                        .getHistoryService()
                        .createHistoricVariableInstanceQuery()
                        .variableName(Var.GRANULARITY)
                        .singleResult()
                        .getValue())
                .isEqualTo("WEEK");
        assertThat(processEngine
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(ComplaintInsights.PROCESS_KEY)
                        .finished()
                        .count())
                .isEqualTo(1);
        verify(runs).reportPeriod(eq("WEEK"), isNull(), any(), anyString());
    }

    @Test
    void theMonthlyScheduleReportsTheMonthBeforeThroughComplaintInsights() {
        when(runs.reportPeriod(eq("MONTH"), isNull(), any(), anyString()))
                .thenReturn(new InsightsRuns.PeriodRun("2025-02", 30, "quality", null));
        Job monthly = processEngine
                .getManagementService()
                .createJobQuery()
                .processDefinitionKey(ComplaintInsights.MONTHLY_PROCESS_KEY)
                .timers()
                .singleResult();

        processEngine.getManagementService().executeJob(monthly.getId());

        assertThat(processEngine
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(ComplaintInsights.MONTHLY_PROCESS_KEY)
                        .finished()
                        .count())
                .isEqualTo(1);
        assertThat(processEngine
                        .getHistoryService()
                        .createHistoricProcessInstanceQuery()
                        .processDefinitionKey(ComplaintInsights.PROCESS_KEY)
                        .finished()
                        .count())
                .isEqualTo(1);
        verify(runs).reportPeriod(eq("MONTH"), isNull(), any(), anyString());
    }

    @Test
    void theQuarterlyDigestGoesToTheProductTeamAndKeepsWhatTheyTakeUp() {
        Period q4 = Period.parse("2024-Q4", ZoneOffset.UTC);
        when(digests.quarter(isNull(), any())).thenReturn(q4);
        when(digests.compute(q4))
                .thenReturn(new ProductDigests.ProductDigest(
                        "2024-Q4",
                        "2024-10-01T00:00:00Z",
                        "2025-01-01T00:00:00Z",
                        3,
                        List.of(new ProductDigests.Count("suggestion", 2), new ProductDigests.Count("quality", 1)),
                        List.of(new ProductDigests.Count("not_closed", 3)),
                        List.of(new ProductDigests.Count("TEE-S", 3)),
                        List.of()));
        Job quarterly = processEngine
                .getManagementService()
                .createJobQuery()
                .processDefinitionKey(ComplaintInsights.DIGEST_PROCESS_KEY)
                .timers()
                .singleResult();

        processEngine.getManagementService().executeJob(quarterly.getId());

        ProcessInstance instance = processEngine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ComplaintInsights.DIGEST_PROCESS_KEY)
                .singleResult();
        assertThat(instance)
                .isWaitingAt(Activity.REVIEW_PRODUCT_DIGEST)
                .variables()
                .containsEntry(Var.QUARTER, "2024-Q4")
                .containsEntry(Var.DIGEST_CASES, 3L)
                .containsEntry(
                        Var.DIGEST_SUMMARY,
                        """
                        2024-Q4: 3 cases of product feedback
                        By category: suggestion 2, quality 1
                        By root cause: not_closed 3
                        By product: TEE-S 3""");
        verify(digests).store(any(), eq(OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC)), eq(instance.getId()));
        Task review = task(instance, Activity.REVIEW_PRODUCT_DIGEST);
        assertThat(candidateGroups(review)).containsExactly("product");

        processEngine.getIdentityService().setAuthenticatedUserId("priya");
        try {
            processEngine
                    .getFormService()
                    .submitTaskForm(
                            review.getId(),
                            Map.of(
                                    Var.DIGEST_TAKEN_UP,
                                    "Add a size chart to every tee listing.",
                                    Var.DIGEST_NOTES,
                                    "Ask design about colours."));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }

        assertThat(instance).isEnded().hasPassed(Activity.RECORD_DIGEST_REVIEW, Activity.END_DIGEST_REVIEWED);
        verify(digests)
                .recordReview(
                        "2024-Q4",
                        "Add a size chart to every tee listing.",
                        "Ask design about colours.",
                        "priya",
                        OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC));
    }
}
