package com.complaintdesk.triage;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Task listener on the completion of Task_ConfirmTriage: refuses a confirmation with a missing or unknown tier
 * or category, whichever client submits it (Tasklist, REST complete or submit-form, Java API). The exception
 * rolls the completion back: the task stays open and no variable changes.
 */
@Component
public class ValidateConfirmedTriageListener implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        List<String> problems = TriageConfirmation.problems(task.getVariable(Var.TIER), task.getVariable(Var.CATEGORY));
        if (!problems.isEmpty()) {
            throw new FormFieldValidationException(
                    problems.get(0).startsWith("Tier") ? Var.TIER : Var.CATEGORY,
                    "Triage not confirmed: " + String.join("; ", problems));
        }
    }
}
