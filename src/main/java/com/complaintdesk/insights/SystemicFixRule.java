package com.complaintdesk.insights;

import static com.complaintdesk.insights.ComplaintInsights.Var;

import com.complaintdesk.forms.SubmissionRule;
import com.complaintdesk.lifecycle.EngineClock;
import com.complaintdesk.web.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A2: the systemic fix's due date is a real day, today or later in the seller's zone. */
@Component
public class SystemicFixRule implements SubmissionRule {

    private final InsightsSettings settings;

    public SystemicFixRule(InsightsSettings settings) {
        this.settings = settings;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(ComplaintInsights.Form.DECIDE_SYSTEMIC_FIX);
    }

    @Override
    public List<FieldProblem> check(String formId, Map<String, Object> values) {
        Object due = values.get(Var.SYSTEMIC_FIX_DUE_ON);
        if (due == null || due.toString().isBlank()) {
            return List.of(); // the form's required rule says so
        }
        LocalDate day;
        try {
            day = LocalDate.parse(due.toString().strip());
        } catch (DateTimeParseException e) {
            return List.of(
                    new FieldProblem(Var.SYSTEMIC_FIX_DUE_ON, "must be a date like 2026-12-31, not '" + due + "'"));
        }
        LocalDate today = EngineClock.now().atZoneSameInstant(settings.zone()).toLocalDate();
        if (day.isBefore(today)) {
            return List.of(new FieldProblem(Var.SYSTEMIC_FIX_DUE_ON, "must be today (" + today + ") or later"));
        }
        return List.of();
    }
}
