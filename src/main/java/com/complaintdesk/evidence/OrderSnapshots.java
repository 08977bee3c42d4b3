package com.complaintdesk.evidence;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.lifecycle.EngineClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * X4: the order and logistics data a case holds (order, amount, promised, shipped and delivered dates, the product),
 * kept as an evidence item ({@value #KIND}) at the steps where they matter: when triage is confirmed, in a crisis,
 * and at closure, together with what the agent found in the order records and the tracking (F3), if anything.
 */
@Component
public class OrderSnapshots {

    public static final String KIND = "order";
    public static final String TRIAGE = "triage";
    public static final String CRISIS = "crisis";
    public static final String CLOSURE = "closure";

    /** The case's order and logistics variables, in the order a snapshot lists them. */
    static final List<String> ORDER = List.of(
            Var.ORDER_ID,
            Var.ORDER_VALUE,
            Var.ORDER_CURRENCY,
            Var.PROMISED_DELIVERY,
            Var.SHIPPED_AT,
            Var.DELIVERED_AT,
            Var.PRODUCT_SKU,
            Var.PRODUCT_TITLE,
            Var.PRODUCT_PRICE);

    private final EvidenceStore evidence;
    private final ObjectMapper json;

    public OrderSnapshots(EvidenceStore evidence, ObjectMapper json) {
        this.evidence = evidence;
        this.json = json;
    }

    /**
     * Preserves the snapshot of this step, as the engine's current user; nothing when the case holds no order data.
     *
     * @return whether a snapshot was kept
     */
    public boolean preserve(DelegateExecution execution, String step) {
        Map<String, Object> order = order(execution);
        if (order.values().stream().allMatch(Objects::isNull)) {
            return false;
        }
        evidence.preserve(
                EngineClock.string(execution, Var.CASE_ID),
                KIND,
                content(step, order, execution.getVariable(Var.FOLLOW_UP_FINDINGS)),
                EngineClock.actor(execution),
                EngineClock.now());
        return true;
    }

    /** The snapshot's JSON: {@code step}, the order and logistics variables by name, and the agent's findings. */
    public String content(VariableScope scope, String step) {
        return content(step, order(scope), scope.getVariable(Var.FOLLOW_UP_FINDINGS));
    }

    private String content(String step, Map<String, Object> order, Object findings) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("step", step);
        snapshot.putAll(order);
        snapshot.put(Var.FOLLOW_UP_FINDINGS, findings);
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the order snapshot", e);
        }
    }

    private static Map<String, Object> order(VariableScope scope) {
        Map<String, Object> order = new LinkedHashMap<>();
        for (String name : ORDER) {
            order.put(name, scope.getVariable(name));
        }
        return order;
    }
}
