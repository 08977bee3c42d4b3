package com.complaintdesk.forms;

import com.complaintdesk.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Every {@link SubmissionRule} of the application, by form id. */
@Component
public class SubmissionRules {

    private final List<SubmissionRule> rules;

    public SubmissionRules(List<SubmissionRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public List<FieldProblem> check(String formId, Map<String, Object> values) {
        List<FieldProblem> problems = new ArrayList<>();
        for (SubmissionRule rule : rules) {
            if (formId != null && rule.formIds().contains(formId)) {
                problems.addAll(rule.check(formId, values));
            }
        }
        return problems;
    }
}
