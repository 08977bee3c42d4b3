package com.complaintdesk.crisis;

import com.complaintdesk.forms.SubmissionRule;
import com.complaintdesk.reply.TemplateBlanksRule;
import com.complaintdesk.web.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** X3, P6: the crisis statement may not leave a template's blank unfilled ("[date]", "[称呼]"). */
@Component
public class StatementBlanksRule implements SubmissionRule {

    static final String FORM = "draft-statement";

    @Override
    public Set<String> formIds() {
        return Set.of(FORM);
    }

    @Override
    public List<FieldProblem> check(String formId, Map<String, Object> values) {
        return TemplateBlanksRule.blanksIn(List.of(ComplaintCrisis.Var.STATEMENT_TEXT), values);
    }
}
