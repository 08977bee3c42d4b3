package com.complaintdesk.crisis;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Event_DeclareCrisis and Event_DeclareRetieredCrisis (T1, T5, T6): the case became a crisis. */
@Component
public class DeclareCrisisDelegate implements JavaDelegate {

    private final CrisisDeclaration declaration;

    public DeclareCrisisDelegate(CrisisDeclaration declaration) {
        this.declaration = declaration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object retierReason = execution.getVariable(Var.RETIER_REASON);
        Object triageNote = execution.getVariable(Var.TRIAGE_NOTE);
        String reason = retierReason != null
                ? "Re-tiered: " + retierReason
                : triageNote != null && !triageNote.toString().isBlank()
                        ? "Triage: " + triageNote
                        : "Triage confirmed the case as a crisis (T1)";
        declaration.declare(execution, reason);
    }
}
