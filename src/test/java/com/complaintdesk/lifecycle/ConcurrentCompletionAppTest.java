package com.complaintdesk.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.Reconciliation;
import com.complaintdesk.support.SampleComplaint;
import com.complaintdesk.support.Tasklist;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 200 task completions at once through the engine REST API, ten on each of 20 cases' triage (T1–T3): each task is
 * completed exactly once, every other attempt is told so with a 4xx (409 for a conflict at the same moment, 404 or 403
 * once the task is gone; the engine guard), never a 500, and the cases reconcile afterwards.
 */
@AppTest
class ConcurrentCompletionAppTest {

    static final int CASES = 20;
    static final int ATTEMPTS_PER_CASE = 10;

    @Autowired
    TestRestTemplate http;

    @Autowired
    ManagementService management;

    @Autowired
    HistoryService history;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoHundredConcurrentCompletionsCompleteEachTaskOnceAndNeverAnswer500() throws Exception {
        Tasklist tasklist = new Tasklist(http, management);
        List<String> caseIds = new ArrayList<>();
        Map<String, String> taskOfCase = new LinkedHashMap<>();
        for (int i = 0; i < CASES; i++) {
            Tasklist.Opened opened = tasklist.open("ana", SampleComplaint.instagram(5));
            caseIds.add(opened.caseId());
            String taskId =
                    tasklist.awaitTask("ana", opened.processInstanceId(), ComplaintLifecycle.Activity.CONFIRM_TRIAGE);
            tasklist.claim("ana", taskId);
            taskOfCase.put(opened.processInstanceId(), taskId);
        }
        Map<String, Object> values = Tasklist.values(
                ComplaintLifecycle.Var.TIER,
                "T2",
                ComplaintLifecycle.Var.CATEGORY,
                "quality",
                ComplaintLifecycle.Var.ESCALATE_TO_CRISIS,
                false);

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        Map<String, List<Integer>> statuses = new ConcurrentHashMap<>();
        List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> attempts = new ArrayList<>();
        for (String taskId : taskOfCase.values()) {
            for (int i = 0; i < ATTEMPTS_PER_CASE; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    ResponseEntity<JsonNode> response = tasklist.submitForm("ana", taskId, values);
                    int status = response.getStatusCode().value();
                    statuses.computeIfAbsent(taskId, k -> Collections.synchronizedList(new ArrayList<>()))
                            .add(status);
                    if (status >= 500) {
                        serverErrors.add(status + " " + response.getBody());
                    }
                    return null;
                }));
            }
        }
        start.countDown();
        for (Future<?> attempt : attempts) {
            attempt.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(serverErrors).as("answers 5xx").isEmpty();
        assertThat(statuses.values().stream().mapToInt(List::size).sum()).isEqualTo(CASES * ATTEMPTS_PER_CASE);
        statuses.forEach((taskId, answers) -> {
            assertThat(answers.stream().filter(s -> s == 204).count())
                    .as("completions of %s: %s", taskId, answers)
                    .isOne();
            // 409: changed at the same moment; 404: already completed; 403: already completed, found by the engine's
            // permission check first (the task's grants went with it)
            assertThat(answers)
                    .as("the others of %s", taskId)
                    .allMatch(s -> s == 204 || s == 404 || s == 409 || s == 403);
        });
        for (Map.Entry<String, String> task : taskOfCase.entrySet()) {
            HistoricTaskInstance done = history.createHistoricTaskInstanceQuery()
                    .taskId(task.getValue())
                    .singleResult();
            assertThat(done.getEndTime())
                    .as("task %s completed", task.getValue())
                    .isNotNull();
            assertThat(history.createHistoricTaskInstanceQuery()
                            .processInstanceId(task.getKey())
                            .taskDefinitionKey(ComplaintLifecycle.Activity.CONFIRM_TRIAGE)
                            .count())
                    .as("one triage")
                    .isOne();
        }
        for (String caseId : caseIds) {
            // the losers' work was rolled back with them: one order snapshot at triage (X4), not one per attempt
            assertThat(jdbc.sql("SELECT COUNT(*) FROM cd_evidence WHERE case_id = :id AND kind = 'order'")
                            .param("id", caseId)
                            .query(Long.class)
                            .single())
                    .as("order evidence of %s", caseId)
                    .isOne();
        }
        new Reconciliation(jdbc).verify(caseIds);
    }
}
