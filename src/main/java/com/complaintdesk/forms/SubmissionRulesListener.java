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
 * event="complete"/>}): refuses a completion that breaks a {@link SubmissionRule} of the task's form, whichever
 * client completes it (the REST API and Tasklist are refused earlier, with 400). The task stays open.
 */
@Component
public class SubmissionRulesListener implements TaskListener {

    private final SubmissionRules rules;

    public SubmissionRulesListener(SubmissionRules rules) {
        this.rules = rules;
    }

    @Override
    public void notify(DelegateTask task) {
        String formId = task.getBpmnModelElementInstance() == null ? null
                : task.getBpmnModelElementInstance().getCamundaFormRef();
        List<FieldProblem> problems = rules.check(formId, task.getVariables());
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(problems.get(0).field(), problems.stream()
                    .map(p -> p.field() + " " + p.message()).collect(Collectors.joining("; ")));
        }
    }
}
