package com.complaintdesk.approval;

import com.complaintdesk.forms.SubmissionRule;
import com.complaintdesk.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Every approval (X2, X3, C1: a T1 reply, a reply touching a red line, a statement, compensation above the limit)
 * is approve or send back, and a draft sent back must say why, so its author knows what to change.
 */
@Component
public class ApprovalRule implements SubmissionRule {

    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";

    /** Form id → (decision field, note field). */
    static final Map<String, List<String>> FIELDS = Map.of(
            "approve-reply", List.of("replyDecision", "replyReviewNote"),
            "approve-compensation", List.of("compensationDecision", "compensationReviewNote"),
            "approve-statement", List.of("statementDecision", "statementReviewNote"));

    @Override
    public Set<String> formIds() {
        return FIELDS.keySet();
    }

    @Override
    public List<FieldProblem> check(String formId, Map<String, Object> values) {
        String decisionField = FIELDS.get(formId).get(0);
        String noteField = FIELDS.get(formId).get(1);
        List<FieldProblem> problems = new ArrayList<>();
        Object decision = values.get(decisionField);
        if (!APPROVE.equals(decision) && !REJECT.equals(decision)) {
            problems.add(new FieldProblem(decisionField, "must be 'approve' or 'reject'"));
        }
        Object note = values.get(noteField);
        if (REJECT.equals(decision) && (note == null || note.toString().isBlank())) {
            problems.add(new FieldProblem(noteField, "is required when sending back: say what to change"));
        }
        return problems;
    }
}
