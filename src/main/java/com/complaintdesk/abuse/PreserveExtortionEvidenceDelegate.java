package com.complaintdesk.abuse;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.evidence.CaseSnapshots;
import com.complaintdesk.evidence.EvidenceStore;
import com.complaintdesk.evidence.OrderSnapshots;
import com.complaintdesk.lifecycle.EngineClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_PreserveExtortionEvidence (E6, X4): before a supervisor looks at a suspected case, its assessment (score,
 * signals, the off-platform phrases), the order and logistics data and the conversation so far go into the case's
 * append-only evidence, so they protect the shop when the customer disputes or escalates.
 */
@Component
public class PreserveExtortionEvidenceDelegate implements JavaDelegate {

    /** The evidence kind of an assessment snapshot. */
    public static final String KIND = "extortion-assessment";

    private final CaseSnapshots snapshots;
    private final EvidenceStore evidence;
    private final OrderSnapshots orderSnapshots;

    public PreserveExtortionEvidenceDelegate(
            CaseSnapshots snapshots, EvidenceStore evidence, OrderSnapshots orderSnapshots) {
        this.snapshots = snapshots;
        this.evidence = evidence;
        this.orderSnapshots = orderSnapshots;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = EngineClock.string(execution, Var.CASE_ID);
        String by = EngineClock.actor(execution);
        var now = EngineClock.now();
        Map<String, Object> assessment = new LinkedHashMap<>();
        for (String name : List.of(
                Var.EXTORTION_SCORE,
                Var.EXTORTION_THRESHOLD,
                Var.EXTORTION_SIGNALS,
                Var.EXTORTION_REASONS,
                Var.OFF_PLATFORM_PHRASES,
                Var.CUSTOMER_ID,
                Var.CUSTOMER_ACCOUNT_CREATED,
                Var.SHOP_OPENED_ON,
                Var.SHIPPING_COUNTRY,
                Var.SHIPPING_REMOTE,
                Var.TEXT,
                Var.FOLLOW_UP_FINDINGS,
                Var.CONTACT_SUMMARY)) {
            assessment.put(name, execution.getVariable(name));
        }
        snapshots.preserve(caseId, KIND, assessment, by, now);
        evidence.preserve(caseId, OrderSnapshots.KIND, orderSnapshots.content(execution, "extortion"), by, now);
        snapshots.preserveConversation(caseId, by, now);
    }
}
