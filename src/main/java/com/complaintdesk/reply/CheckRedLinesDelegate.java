package com.complaintdesk.reply;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.lifecycle.Decisions;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CheckReplyRedLines and Task_CheckStatementRedLines (X3, P5): runs the {@code red-lines} decision of the
 * process's deployment over the text the task gives as its input {@code redLineText}; the gateway after it sends a
 * blocked draft back, with the reasons on the form.
 */
@Component
public class CheckRedLinesDelegate implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("text", RedLineCheck.normalise((String) execution.getVariableLocal(Var.RED_LINE_TEXT)));
        Object language = execution.getVariable(Var.LANGUAGE);
        inputs.put(Var.LANGUAGE, language == null ? "en" : language.toString());
        RedLineCheck check =
                RedLineCheck.of(Decisions.evaluate(execution, ComplaintLifecycle.Decision.RED_LINES, inputs));
        execution.setVariable(Var.RED_LINE_BLOCKED, check.blocked());
        execution.setVariable(Var.RED_LINE_WARNED, check.warned());
        execution.setVariable(Var.RED_LINE_REASONS, check.reasons());
    }
}
