package com.complaintdesk.forms;

import com.complaintdesk.engine.Refusal;
import com.complaintdesk.engine.TaskCompletionCheck;
import com.complaintdesk.web.FieldProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A person changes a case only through the form of a task they may work: a completion ({@code submit-form} or
 * {@code complete}, from Tasklist or the engine REST API) may carry exactly the fields the task's Camunda Form lets
 * its user edit, within the form's rules (required, the values of a select or radio, lengths, ranges, patterns) and
 * the {@link SubmissionRule}s of that form. Anything else is refused with 400 and one message per field, before the
 * engine sees it, so nothing changes. A task without a Camunda Form takes no values at all. Runs as the caller, so
 * it sees only the tasks the caller may see; task listeners stay as the backstop for the Java API.
 */
@Component
@Order(20)
class TaskFormGuard implements TaskCompletionCheck {

    private final FormService forms;
    private final TaskService tasks;
    private final ObjectMapper json;
    private final SubmissionRules submissionRules;

    TaskFormGuard(FormService forms, TaskService tasks, ObjectMapper json, SubmissionRules submissionRules) {
        this.forms = forms;
        this.tasks = tasks;
        this.json = json;
        this.submissionRules = submissionRules;
    }

    @Override
    public Optional<Refusal> before(Completion completion) {
        String taskId = completion.taskId();
        Map<String, Object> submitted;
        try {
            submitted = submitted(completion.body());
        } catch (IOException e) {
            return Optional.of(Refusal.badRequest("The variables of the form cannot be read: " + e.getMessage()));
        }
        FormRules rules;
        String formId;
        Map<String, Object> current;
        try {
            // the case's values as stored, never deserialized into objects
            current = values(tasks.getVariablesTyped(taskId, false));
        } catch (ProcessEngineException | NullPointerException e) {
            // no such task, not the caller's, or completed by someone else a moment ago: the engine answers (404, 403)
            return Optional.empty();
        }
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            JsonNode definition = json.readTree(form);
            rules = FormRules.of(definition);
            formId = definition.path("id").asText(null);
        } catch (ProcessEngineException | IOException e) {
            if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                return Optional.empty(); // gone meanwhile: the engine answers
            }
            // no Camunda Form: such a task takes no values from a person
            return submitted.isEmpty()
                    ? Optional.empty()
                    : Optional.of(refuse(submitted.keySet().stream()
                            .map(key -> new FieldProblem(key, "cannot be set: this task has no form fields"))
                            .toList()));
        } catch (NullPointerException e) {
            // the engine's form lookup fails so when the task was completed by someone else between its own check
            // and its read: the engine answers the completion (404)
            return Optional.empty();
        }
        List<FieldProblem> problems = rules.notEditable(submitted, current);
        if (problems.isEmpty()) {
            problems = rules.check(submitted, current);
        }
        if (problems.isEmpty()) {
            Map<String, Object> completing = new HashMap<>(current);
            completing.putAll(submitted);
            problems = submissionRules.check(formId, completing);
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(refuse(problems));
    }

    /** The submitted variables by name: values as JSON gives them, containers as their JSON text. */
    private Map<String, Object> submitted(JsonNode body) throws IOException {
        Map<String, Object> submitted = new LinkedHashMap<>();
        JsonNode variables = body.path("variables");
        if (variables.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = variables.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue().path("value");
                submitted.put(
                        field.getKey(),
                        value.isNull() || value.isMissingNode()
                                ? null
                                : value.isValueNode() ? json.treeToValue(value, Object.class) : value.toString());
            }
        } else if (!variables.isMissingNode() && !variables.isNull()) {
            throw new IOException("'variables' must be an object");
        }
        return submitted;
    }

    private static Map<String, Object> values(VariableMap typed) {
        Map<String, Object> values = new HashMap<>();
        for (String name : typed.keySet()) {
            TypedValue value = typed.getValueTyped(name);
            values.put(
                    name,
                    value instanceof SerializableValue serialized && !serialized.isDeserialized()
                            ? serialized.getValueSerialized()
                            : value == null ? null : value.getValue());
        }
        return values;
    }

    private static Refusal refuse(List<FieldProblem> problems) {
        return new Refusal(
                400,
                "InvalidRequestException",
                "The form was not submitted: "
                        + problems.stream()
                                .map(p -> p.field() + " " + p.message())
                                .collect(Collectors.joining("; ")),
                problems);
    }
}
