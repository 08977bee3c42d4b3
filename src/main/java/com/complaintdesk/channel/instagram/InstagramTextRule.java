package com.complaintdesk.channel.instagram;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import com.complaintdesk.compensation.ChoiceLinks;
import com.complaintdesk.compensation.SendCompensationOfferDelegate;
import com.complaintdesk.forms.SubmissionRule;
import com.complaintdesk.intake.Channel;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Form;
import com.complaintdesk.reply.PublishReplyDelegate;
import com.complaintdesk.web.FieldProblem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What Instagram would refuse in a text the agent writes, checked on the form where it is written, with the same
 * {@link InstagramRules} functions {@link InstagramGateway} applies when sending, and on the text exactly as it will be
 * sent. Checked on every Instagram case, whether or not the channel is live: a text accepted now would be refused by
 * Instagram later, when nobody can change it any more.
 * <ul>
 *   <li>{@code draft-reply} (P1–P4): the reply under the comment, its four parts joined as published
 *       ({@link PublishReplyDelegate#compose}), by {@link InstagramRules#commentTextProblem}. Meta documents no
 *       maximum length for a comment reply, so today only a reply without text is refused (the form's own rules
 *       already require each part); a limit Meta documents later goes into that one function.</li>
 *   <li>{@code contact-customer} (F1, F7): the follow-up message, sent as it is typed; {@code offer-compensation}
 *       (C2): the offer, the agent's message followed by the numbered options
 *       ({@link SendCompensationOfferDelegate#offerText}) and the link to the customer's choice page. Both go as Instagram messages of at most 1000 bytes of
 *       UTF-8 text ({@link InstagramRules#messageTextProblem}); the agent shortens the message.</li>
 * </ul>
 *
 * <p>Not refused here, on purpose: the private reply's 7-day window and the one private reply per comment
 * ({@link InstagramRules#privateReplyRefusal}). The agent cannot fix either by editing: the comment's age is what it is,
 * and on Instagram the follow-up message is the comment's one private reply, so every later private message (offer,
 * reminder, review request) is a second one. A refusal would keep the task open for ever and stop the case. The case
 * goes on instead; the sending step is refused by {@link InstagramGateway} before Instagram is asked, with a message
 * saying to send it in the Instagram Direct conversation and record it as delivered by hand, which the agent reads in
 * the "Handle failed delivery" task (delivery-failure).
 */
@Component
class InstagramTextRule implements SubmissionRule {

    private static final String INSTAGRAM = Channel.INSTAGRAM.key();

    private final ChoiceLinks links;

    @Autowired
    InstagramTextRule(ChoiceLinks links) {
        this.links = links;
    }

    /** Measures offers without the choice page's link. */
    InstagramTextRule() {
        this(null);
    }

    @Override
    public Set<String> formIds() {
        return Set.of(Form.DRAFT_REPLY, Form.CONTACT_CUSTOMER, Form.OFFER_COMPENSATION);
    }

    @Override
    public List<FieldProblem> check(String formId, Map<String, Object> values) {
        if (!INSTAGRAM.equals(values.get(Var.CHANNEL))) {
            return List.of();
        }
        return (switch (formId) {
                    case Form.DRAFT_REPLY ->
                        InstagramRules.commentTextProblem(PublishReplyDelegate.compose(values::get))
                                .map(problem -> new FieldProblem(
                                        Var.REPLY_APOLOGY,
                                        "is published under the customer's comment. " + problem
                                                + "; write the four parts of the reply"));
                    case Form.CONTACT_CUSTOMER ->
                        messageProblem(
                                Var.FOLLOW_UP_MESSAGE, text(values.get(Var.FOLLOW_UP_MESSAGE)), "shorten the message");
                    case Form.OFFER_COMPENSATION ->
                        messageProblem(
                                Var.OFFER_MESSAGE,
                                SendCompensationOfferDelegate.offerText(values)
                                        + (links == null ? "" : links.nextLinkLine(values)),
                                "the numbered options and the link to choose are added after the message as they are sent; "
                                        + "shorten the message");
                    default -> Optional.<FieldProblem>empty();
                })
                .stream().toList();
    }

    private static Optional<FieldProblem> messageProblem(String field, String text, String advice) {
        return InstagramRules.messageTextProblem(text)
                .map(problem -> new FieldProblem(field, "is sent as an Instagram message. " + problem + "; " + advice));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
