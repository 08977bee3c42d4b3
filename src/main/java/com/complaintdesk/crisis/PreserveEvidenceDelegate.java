package com.complaintdesk.crisis;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.evidence.CaseSnapshots;
import com.complaintdesk.evidence.EvidenceStore;
import com.complaintdesk.evidence.OrderSnapshots;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.lifecycle.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PreserveEvidence (X4): snapshots of the complaint as received, the order, and the conversation so far are
 * stored append-only and hash-chained, so they protect the shop in a dispute.
 */
@Component
public class PreserveEvidenceDelegate implements JavaDelegate {

    private final CaseSnapshots snapshots;
    private final EvidenceStore evidence;
    private final ComplaintIntake complaints;
    private final OrderSnapshots orderSnapshots;

    public PreserveEvidenceDelegate(
            CaseSnapshots snapshots,
            EvidenceStore evidence,
            ComplaintIntake complaints,
            OrderSnapshots orderSnapshots) {
        this.snapshots = snapshots;
        this.evidence = evidence;
        this.complaints = complaints;
        this.orderSnapshots = orderSnapshots;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = EngineClock.string(execution, Var.CASE_ID);
        String by = EngineClock.actor(execution);
        var now = EngineClock.now();
        snapshots.preserve(caseId, "complaint", complaints.find(caseId).orElse(null), by, now);
        evidence.preserve(
                caseId, OrderSnapshots.KIND, orderSnapshots.content(execution, OrderSnapshots.CRISIS), by, now);
        snapshots.preserveConversation(caseId, by, now);
    }
}
