package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.forms.SubmissionRule;
import com.complaintdesk.web.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * C2: an offer is two or three different options; the customer's choice is one of the options offered, or that
 * they want none.
 */
@Component
public class CompensationRules implements SubmissionRule {

    static final String OFFER_FORM = "offer-compensation";
    static final String CHOICE_FORM = "record-customer-choice";

    @Override
    public Set<String> formIds() {
        return Set.of(OFFER_FORM, CHOICE_FORM);
    }

    @Override
    public List<FieldProblem> check(String formId, Map<String, Object> values) {
        return OFFER_FORM.equals(formId) ? checkOffer(values) : checkChoice(values);
    }

    static List<FieldProblem> checkOffer(Map<String, Object> values) {
        List<FieldProblem> problems = new ArrayList<>();
        List<Object> offered = offered(values);
        for (String field : List.of(Var.COMPENSATION_OPTION_1, Var.COMPENSATION_OPTION_2, Var.COMPENSATION_OPTION_3)) {
            Object value = values.get(field);
            if (blank(value)) {
                if (!field.equals(Var.COMPENSATION_OPTION_3)) {
                    problems.add(new FieldProblem(field, "is required: offer two or three options (C2)"));
                }
            } else if (CompensationOption.of(value).isEmpty()) {
                problems.add(new FieldProblem(field, "is not a compensation option: '" + value + "'"));
            }
        }
        if (problems.isEmpty() && new LinkedHashSet<>(offered).size() != offered.size()) {
            problems.add(new FieldProblem(Var.COMPENSATION_OPTION_2, "must differ from the other options (C2)"));
        }
        return problems;
    }

    static List<FieldProblem> checkChoice(Map<String, Object> values) {
        Object chosen = values.get(Var.CHOSEN_COMPENSATION);
        List<FieldProblem> problems = new ArrayList<>();
        if (blank(chosen)) {
            problems.add(new FieldProblem(Var.CHOSEN_COMPENSATION, "is required"));
        } else if (!CompensationOption.DECLINED.equals(chosen)
                && !offered(values).contains(chosen)) {
            problems.add(new FieldProblem(
                    Var.CHOSEN_COMPENSATION,
                    "must be one of the options offered " + offered(values) + " or 'declined', but was '" + chosen
                            + "'"));
        }
        Object amount = values.get(Var.COMPENSATION_AMOUNT);
        if (!(amount instanceof Number n) || n.doubleValue() < 0) {
            problems.add(new FieldProblem(Var.COMPENSATION_AMOUNT, "must be a number of at least 0"));
        }
        return problems;
    }

    static List<Object> offered(Map<String, Object> values) {
        return Stream.of(Var.COMPENSATION_OPTION_1, Var.COMPENSATION_OPTION_2, Var.COMPENSATION_OPTION_3)
                .map(values::get)
                .filter(v -> !blank(v))
                .toList();
    }

    private static boolean blank(Object value) {
        return value == null || value instanceof String s && s.isBlank();
    }
}
