package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.forms.TaskCompletionFilter;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.MediaType;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * C2: an agent recording the customer's choice (Task_RecordCustomerChoice, through the engine REST API or Tasklist)
 * after the customer already chose on the choice page gets 409 with what was chosen, instead of the engine's "task
 * not found"; so does an agent whose completion lost a race with the page by a moment. Nothing changes either way.
 */
class ChoiceRaceGuard extends TaskCompletionFilter {

    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final ObjectMapper json;

    ChoiceRaceGuard(TaskService tasks, HistoryService history, IdentityService identity, ObjectMapper json) {
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
        this.json = json;
    }

    @Override
    protected void filterCompletion(String taskId, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        Task task = asEngine(() -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (task == null) {
            Optional<String> recorded = recordedChoice(taskId);
            if (recorded.isPresent()) {
                conflict(response, recorded.get());
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (!ComplaintLifecycle.Activity.RECORD_CUSTOMER_CHOICE.equals(task.getTaskDefinitionKey())) {
            chain.doFilter(request, response);
            return;
        }
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        if (buffered.getStatus() >= 400) {
            Optional<String> recorded = recordedChoice(taskId);
            if (recorded.isPresent()) {
                buffered.resetBuffer();
                conflict(buffered, recorded.get());
            }
        }
        buffered.copyBodyToResponse();
    }

    /** What was recorded when the choice task ended, by whom; empty unless the task is the choice and has ended. */
    private Optional<String> recordedChoice(String taskId) {
        return asEngine(() -> {
            HistoricTaskInstance ended = history.createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult();
            if (ended == null || !ComplaintLifecycle.Activity.RECORD_CUSTOMER_CHOICE.equals(ended.getTaskDefinitionKey())) {
                return Optional.empty();
            }
            Map<String, Object> values = new LinkedHashMap<>();
            for (HistoricVariableInstance v : history.createHistoricVariableInstanceQuery()
                    .processInstanceId(ended.getProcessInstanceId())
                    .variableNameIn(Var.CHOSEN_COMPENSATION, Var.CHOICE_SOURCE).list()) {
                values.put(v.getName(), v.getValue());
            }
            String by = "customer".equals(values.get(Var.CHOICE_SOURCE)) ? "by the customer on the choice page"
                    : "by " + (ended.getAssignee() == null ? "a colleague" : ended.getAssignee());
            return Optional.of("The customer's choice was already recorded " + by + ": "
                    + values.get(Var.CHOSEN_COMPENSATION) + ". Nothing was changed; see the case for what happens next.");
        });
    }

    private void conflict(HttpServletResponse response, String message) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "ChoiceAlreadyRecorded");
        body.put("message", message);
        response.setStatus(HttpServletResponse.SC_CONFLICT);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body));
    }

    /** Looks as the engine itself: the caller may not read the history, but may learn why their submission failed. */
    private <T> T asEngine(Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
    }
}
