package com.complaintdesk.abuse;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.forms.SubmissionRule;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.web.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * E6: on a case a supervisor put on the guarded path, compensation stays within policy: never more than the customer
 * paid ({@code compensationCap}). Checked on the offer (each option's cost, which the offer form shows the cap beside)
 * and again whoever records the choice.
 */
@Component
public class ExtortionGuardRule implements SubmissionRule {

    @Override
    public Set<String> formIds() {
        return Set.of(ComplaintLifecycle.Form.OFFER_COMPENSATION, ComplaintLifecycle.Form.RECORD_CUSTOMER_CHOICE);
    }

    private static final List<String> AMOUNTS = List.of(
            Var.COMPENSATION_AMOUNT_1, Var.COMPENSATION_AMOUNT_2, Var.COMPENSATION_AMOUNT_3, Var.COMPENSATION_AMOUNT);

    @Override
    public List<FieldProblem> check(String formId, Map<String, Object> values) {
        if (!Boolean.TRUE.equals(values.get(Var.EXTORTION_GUARDED))
                || !(values.get(Var.COMPENSATION_CAP) instanceof Number cap)) {
            return List.of();
        }
        return AMOUNTS.stream()
                .filter(field -> values.get(field) instanceof Number amount && amount.doubleValue() > cap.doubleValue())
                .map(
                        field -> new FieldProblem(
                                field,
                                "must not be more than " + cap
                                        + ", what the customer paid: this case is on the guarded path for suspected extortion (E6)"))
                .toList();
    }
}
