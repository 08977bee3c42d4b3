package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.engine.EngineRunner;
import com.complaintdesk.engine.Refusal;
import com.complaintdesk.engine.TaskCompletionCheck;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * C2: an agent recording the customer's choice (Task_RecordCustomerChoice, through the engine REST API or Tasklist)
 * after the customer already chose on the choice page gets 409 with what was chosen, instead of the engine's "task
 * not found"; so does an agent whose completion lost a race with the page by a moment. Nothing changes either way.
 * A check of the engine guard's chain, before the form's own checks.
 */
@Component
@Order(10)
class ChoiceRaceGuard implements TaskCompletionCheck {

    private final TaskService tasks;
    private final HistoryService history;
    private final EngineRunner runner;

    ChoiceRaceGuard(TaskService tasks, HistoryService history, EngineRunner runner) {
        this.tasks = tasks;
        this.history = history;
        this.runner = runner;
    }

    @Override
    public Optional<Refusal> before(Completion completion) {
        Task task = runner.asEngine(
                () -> tasks.createTaskQuery().taskId(completion.taskId()).singleResult());
        return task == null ? recordedChoice(completion.taskId()).map(ChoiceRaceGuard::conflict) : Optional.empty();
    }

    @Override
    public Optional<Refusal> afterFailure(Completion completion, int status) {
        return recordedChoice(completion.taskId()).map(ChoiceRaceGuard::conflict);
    }

    /** What was recorded when the choice task ended, by whom; empty unless the task is the choice and has ended. */
    private Optional<String> recordedChoice(String taskId) {
        // looked up as the engine: the caller may not read the history, but may learn why their submission failed
        return runner.asEngine(() -> {
            HistoricTaskInstance ended = history.createHistoricTaskInstanceQuery()
                    .taskId(taskId)
                    .finished()
                    .singleResult();
            if (ended == null
                    || !ComplaintLifecycle.Activity.RECORD_CUSTOMER_CHOICE.equals(ended.getTaskDefinitionKey())) {
                return Optional.empty();
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                    .processInstanceId(ended.getProcessInstanceId())
                    .variableNameIn(Var.CHOSEN_COMPENSATION, Var.CHOICE_SOURCE)
                    .list()) {
                values.put(v.getName(), v.getValue());
            }
            String by = "customer".equals(values.get(Var.CHOICE_SOURCE))
                    ? "by the customer on the choice page"
                    : "by " + (ended.getAssignee() == null ? "a colleague" : ended.getAssignee());
            return Optional.of(
                    "The customer's choice was already recorded " + by + ": " + values.get(Var.CHOSEN_COMPENSATION)
                            + ". Nothing was changed; see the case for what happens next.");
        });
    }

    private static Refusal conflict(String message) {
        return new Refusal(409, "ChoiceAlreadyRecorded", message, List.of());
    }
}
