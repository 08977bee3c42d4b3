package com.complaintdesk.forms;

import com.complaintdesk.web.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * The backstop on task completion ({@code <camunda:taskListener delegateExpression="${submissionRulesListener}"
 * event="complete"/>}): refuses a completion that breaks its Camunda Form's rules or a {@link SubmissionRule} of
 * that form, whichever client completes it (the REST API and Tasklist are refused earlier, with 400). The task
 * stays open.
 */
@Component
public class SubmissionRulesListener implements TaskListener {

    private final SubmissionRules rules;
    private final com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();

    public SubmissionRulesListener(SubmissionRules rules) {
        this.rules = rules;
    }

    /** The rules of the task's own Camunda Form (required, allowed values, lengths, ranges). */
    private FormRules formRules(DelegateTask task) {
        try (java.io.InputStream form =
                task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
            return FormRules.of(json.readTree(form));
        } catch (java.io.IOException | org.camunda.bpm.engine.ProcessEngineException e) {
            return FormRules.of(json.createObjectNode()); // no Camunda Form: nothing to check here
        }
    }

    @Override
    public void notify(DelegateTask task) {
        String formId = task.getBpmnModelElementInstance() == null
                ? null
                : task.getBpmnModelElementInstance().getCamundaFormRef();
        java.util.Map<String, Object> values = task.getVariables();
        List<FieldProblem> problems = new java.util.ArrayList<>(formRules(task).check(values, values));
        problems.addAll(rules.check(formId, values));
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(
                    problems.get(0).field(),
                    problems.stream().map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        }
    }
}
