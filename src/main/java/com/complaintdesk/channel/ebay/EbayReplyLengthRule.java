package com.complaintdesk.channel.ebay;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.forms.SubmissionRule;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.reply.PublishReplyDelegate;
import com.complaintdesk.web.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * P1–P4 on eBay: the public reply to a feedback may have at most 80 characters ({@link EbayRules#replyTooLong}, the
 * same check {@link EbayGateway} makes), so on an eBay case the agent's draft is refused while its four parts, joined
 * as they will be published ({@link PublishReplyDelegate#compose}), are longer. Checked before sending, whether or
 * not the eBay channel is live: a reply approved now would be refused by eBay later.
 */
@Component
class EbayReplyLengthRule implements SubmissionRule {

    private final EbayRules rules;

    EbayReplyLengthRule(EbayRules rules) {
        this.rules = rules;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(ComplaintLifecycle.Form.DRAFT_REPLY);
    }

    @Override
    public List<FieldProblem> check(String formId, Map<String, Object> values) {
        if (!EbayFeedbackIntake.CHANNEL.equals(values.get(Var.CHANNEL))) {
            return List.of();
        }
        return rules.replyTooLong(PublishReplyDelegate.compose(values::get)).stream()
                .mapToObj(length -> new FieldProblem(
                        Var.REPLY_APOLOGY,
                        "the public reply on eBay may have at most "
                                + rules.replyMaxLength() + " characters with its four parts together, this one has "
                                + length
                                + ": shorten the public part and put the rest in the private message"))
                .toList();
    }
}
