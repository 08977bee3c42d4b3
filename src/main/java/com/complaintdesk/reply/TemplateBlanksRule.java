package com.complaintdesk.reply;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.forms.SubmissionRule;
import com.complaintdesk.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** P6, F1, C2: a text for the customer may not leave a template's blank unfilled ("[date]", "[称呼]"). */
@Component
public class TemplateBlanksRule implements SubmissionRule {

    /** Form id → its fields that reach the customer or the public. */
    static final Map<String, List<String>> FIELDS = Map.of(
            "draft-reply", List.of(Var.REPLY_APOLOGY, Var.REPLY_CAUSE, Var.REPLY_SOLUTION, Var.REPLY_INVITATION),
            "prepare-follow-up", List.of(Var.OPENING_SCRIPT, Var.RESOLUTION_STEPS),
            "contact-customer", List.of(Var.FOLLOW_UP_MESSAGE),
            "offer-compensation", List.of(Var.OFFER_MESSAGE));

    @Override
    public Set<String> formIds() {
        return FIELDS.keySet();
    }

    @Override
    public List<FieldProblem> check(String formId, Map<String, Object> values) {
        return blanksIn(FIELDS.get(formId), values);
    }

    /** A problem for each of these fields whose text still has a template's blank; for any form's own rule. */
    public static List<FieldProblem> blanksIn(List<String> fields, Map<String, Object> values) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String field : fields) {
            Object text = values.get(field);
            List<String> blanks = text instanceof String s ? TemplateBlanks.blanks(s) : List.of();
            if (!blanks.isEmpty()) {
                problems.add(new FieldProblem(field, "still has blanks to fill in: " + String.join(" ", blanks)));
            }
        }
        return problems;
    }
}
