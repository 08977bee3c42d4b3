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
 * E6: on a case a supervisor put on the guarded path, the recorded compensation stays within policy: never more
 * than the customer paid ({@code compensationCap}). Checked whoever records the choice.
 */
@Component
public class ExtortionGuardRule implements SubmissionRule {

    @Override
    public Set<String> formIds() {
        return Set.of(ComplaintLifecycle.Form.RECORD_CUSTOMER_CHOICE);
    }

    @Override
    public List<FieldProblem> check(String formId, Map<String, Object> values) {
        if (!Boolean.TRUE.equals(values.get(Var.EXTORTION_GUARDED))
                || !(values.get(Var.COMPENSATION_CAP) instanceof Number cap)
                || !(values.get(Var.COMPENSATION_AMOUNT) instanceof Number amount)) {
            return List.of();
        }
        if (amount.doubleValue() > cap.doubleValue()) {
            return List.of(new FieldProblem(Var.COMPENSATION_AMOUNT, "must not be more than " + cap
                    + ", what the customer paid: this case is on the guarded path for suspected extortion (E6)"));
        }
        return List.of();
    }
}
