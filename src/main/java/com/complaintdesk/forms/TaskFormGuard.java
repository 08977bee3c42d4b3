package com.complaintdesk.forms;

import com.complaintdesk.web.CachedBodyRequest;
import com.complaintdesk.web.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.MediaType;

/**
 * Refuses, with 400 and one message per field, a task completion (engine REST {@code submit-form} or
 * {@code complete}, and the same calls from Tasklist) whose values break the rules of the task's Camunda Form or a
 * {@link SubmissionRule} of that form.
 * Nothing reaches the engine then, so nothing changes. The engine itself would answer such a refusal from a
 * task listener with 500; task listeners stay as the backstop for the Java API.
 */
class TaskFormGuard extends TaskCompletionFilter {

    private final FormService forms;
    private final TaskService tasks;
    private final IdentityService identity;
    private final ObjectMapper json;
    private final SubmissionRules submissionRules;

    TaskFormGuard(FormService forms, TaskService tasks, IdentityService identity, ObjectMapper json,
            SubmissionRules submissionRules) {
        this.forms = forms;
        this.tasks = tasks;
        this.identity = identity;
        this.json = json;
        this.submissionRules = submissionRules;
    }

    @Override
    protected void filterCompletion(String taskId, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        Optional<List<FieldProblem>> problems = asCaller(request, () -> check(taskId, body));
        if (problems.isPresent() && !problems.get().isEmpty()) {
            reject(response, problems.get());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** Empty when the task has no Camunda Form the caller may see, or the body is not ours to judge. */
    private Optional<List<FieldProblem>> check(String taskId, byte[] body) {
        FormRules rules;
        String formId;
        Map<String, Object> current;
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            JsonNode definition = json.readTree(form);
            rules = FormRules.of(definition);
            formId = definition.path("id").asText(null);
            current = new HashMap<>(tasks.getVariables(taskId));
        } catch (ProcessEngineException | IOException e) {
            return Optional.empty(); // no such task, no Camunda Form, or not the caller's: the engine answers
        } catch (NullPointerException e) {
            // the engine's form lookup fails so when the task was completed by someone else between its own check
            // and its read: the engine answers the completion (404, EngineConflictAnswers)
            return Optional.empty();
        }
        Map<String, Object> submitted = new LinkedHashMap<>();
        try {
            JsonNode variables = body.length == 0 ? null : json.readTree(body).path("variables");
            if (variables != null && variables.isObject()) {
                Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    JsonNode value = field.getValue().path("value");
                    submitted.put(field.getKey(), value.isNull() || value.isMissingNode() ? null
                            : value.isValueNode() ? json.treeToValue(value, Object.class) : value.toString());
                }
            }
        } catch (IOException e) {
            return Optional.empty(); // malformed JSON: the engine REST API answers it
        }
        List<FieldProblem> problems = rules.check(submitted, current);
        if (problems.isEmpty()) {
            Map<String, Object> completing = new HashMap<>(current);
            completing.putAll(submitted);
            problems = submissionRules.check(formId, completing);
        }
        return Optional.of(problems);
    }

    /** Runs the check as the caller, so it sees only the tasks the caller may see. */
    private <T> Optional<T> asCaller(HttpServletRequest request, java.util.function.Supplier<Optional<T>> work) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null) {
            return work.get();
        }
        Authentications webapp = request.getSession(false) == null ? null
                : AuthenticationUtil.getAuthsFromSession(request.getSession(false));
        if (webapp == null || !(webapp.getAuthenticationForProcessEngine("default") instanceof UserAuthentication user)) {
            return Optional.empty(); // not logged in: the webapp answers 401
        }
        identity.setAuthentication(user.getIdentityId(), List.copyOf(user.getGroupIds()));
        try {
            return work.get();
        } finally {
            identity.clearAuthentication();
        }
    }

    private void reject(HttpServletResponse response, List<FieldProblem> problems) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "InvalidRequestException");
        body.put("message", "The form was not submitted: " + problems.stream()
                .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        body.put("errors", problems);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body));
    }
}
