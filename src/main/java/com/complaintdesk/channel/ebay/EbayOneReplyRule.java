package com.complaintdesk.channel.ebay;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.forms.SubmissionRule;
import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.reply.PublishReplyDelegate;
import com.complaintdesk.web.FieldProblem;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * P1–P4 on eBay: a seller can reply to a feedback once ({@link EbayRules#sentBefore}, the same check
 * {@link EbayGateway} makes before calling eBay). On an eBay case whose reply already went out, the agent's
 * {@code draft-reply} is refused while it differs from that reply, and the agent is told what was published and
 * what to do instead.
 *
 * <p>When this happens: the lifecycle itself never drafts a second reply (the draft is on no path after publishing;
 * a re-tier, T6, only moves the clocks, and an unsolved case goes back to the follow-up, not to the reply), so it is a
 * case moved back to the draft by a person, e.g. in Cockpit to repair it. Editing cannot make eBay take a second
 * reply, but the agent can still complete the task: the reply exactly as published passes, because the outbox knows
 * that text and does not post it again, and anything new goes to the buyer in the private message. Refusing nothing
 * instead would only move the refusal to the publishing step, where nobody can change the text any more.
 */
@Component
class EbayOneReplyRule implements SubmissionRule {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final EbayRules rules;

    EbayOneReplyRule(EbayRules rules) {
        this.rules = rules;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(ComplaintLifecycle.Form.DRAFT_REPLY);
    }

    @Override
    public List<FieldProblem> check(String formId, Map<String, Object> values) {
        Object caseId = values.get(Var.CASE_ID);
        if (!EbayFeedbackIntake.CHANNEL.equals(values.get(Var.CHANNEL)) || caseId == null) {
            return List.of();
        }
        return rules
                .sentBefore(caseId.toString(), MessageKind.REPLY, PublishReplyDelegate.compose(values::get))
                .stream()
                .map(sent -> new FieldProblem(
                        Var.REPLY_APOLOGY,
                        "eBay allows one reply per feedback, and this feedback"
                                + " was already answered"
                                + (sent.deliveredAt() == null
                                        ? ""
                                        : " on "
                                                + WHEN.format(sent.deliveredAt().withOffsetSameInstant(ZoneOffset.UTC)))
                                + ": \"" + sent.text()
                                + "\". eBay cannot change or replace that reply: submit it unchanged"
                                + " (it is not posted again) and say anything new to the buyer in the private message"))
                .toList();
    }
}
