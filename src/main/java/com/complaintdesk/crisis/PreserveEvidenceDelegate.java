package com.complaintdesk.crisis;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.Outbox;
import com.complaintdesk.evidence.EvidenceStore;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.lifecycle.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
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
    private final ObjectMapper json;

    public PreserveEvidenceDelegate(EvidenceStore evidence, ComplaintIntake complaints, Outbox outbox, ObjectMapper json) {
        this.evidence = evidence;
        this.complaints = complaints;
        this.outbox = outbox;
        this.json = json;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = EngineClock.string(execution, Var.CASE_ID);
        String by = EngineClock.actor(execution);
        var now = EngineClock.now();
        evidence.preserve(caseId, "complaint", write(complaints.find(caseId).orElse(null)), by, now);
        Map<String, Object> order = new LinkedHashMap<>();
        for (String name : new String[] {Var.ORDER_ID, Var.ORDER_VALUE, Var.ORDER_CURRENCY, Var.PROMISED_DELIVERY,
                Var.SHIPPED_AT, Var.DELIVERED_AT, Var.PRODUCT_SKU, Var.PRODUCT_TITLE, Var.PRODUCT_PRICE}) {
            order.put(name, execution.getVariable(name));
        }
        evidence.preserve(caseId, "order", write(order), by, now);
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
