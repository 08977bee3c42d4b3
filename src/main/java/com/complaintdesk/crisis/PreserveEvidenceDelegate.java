package com.complaintdesk.crisis;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.Outbox;
import com.complaintdesk.evidence.EvidenceStore;
import com.complaintdesk.evidence.OrderSnapshots;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.lifecycle.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PreserveEvidence (X4): snapshots of the complaint as received, the order, and the conversation so far are
 * stored append-only and hash-chained, so they protect the shop in a dispute.
 */
@Component
public class PreserveEvidenceDelegate implements JavaDelegate {

    private final EvidenceStore evidence;
    private final ComplaintIntake complaints;
    private final Outbox outbox;
    private final OrderSnapshots orderSnapshots;
    private final ObjectMapper json;

    public PreserveEvidenceDelegate(EvidenceStore evidence, ComplaintIntake complaints, Outbox outbox,
            OrderSnapshots orderSnapshots, ObjectMapper json) {
        this.evidence = evidence;
        this.complaints = complaints;
        this.outbox = outbox;
        this.orderSnapshots = orderSnapshots;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = EngineClock.string(execution, Var.CASE_ID);
        String by = EngineClock.actor(execution);
        var now = EngineClock.now();
        evidence.preserve(caseId, "complaint", write(complaints.find(caseId).orElse(null)), by, now);
        evidence.preserve(caseId, OrderSnapshots.KIND, orderSnapshots.content(execution, OrderSnapshots.CRISIS), by, now);
        evidence.preserve(caseId, "conversation", write(outbox.forCase(caseId)), by, now);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write evidence", e);
        }
    }
}
