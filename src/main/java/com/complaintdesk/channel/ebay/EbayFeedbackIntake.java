package com.complaintdesk.channel.ebay;

import com.complaintdesk.channel.InboundEvents;
import com.complaintdesk.common.Sha256;
import com.complaintdesk.identity.EngineAuthentication;
import com.complaintdesk.intake.CaseRecords;
import com.complaintdesk.intake.CaseSummary;
import com.complaintdesk.intake.Channel;
import com.complaintdesk.intake.ComplaintCase;
import com.complaintdesk.intake.ComplaintIntake;
import com.complaintdesk.intake.ComplaintRequest;
import com.complaintdesk.lifecycle.ComplaintLifecycleProcess;
import com.complaintdesk.lifecycle.ComplaintLifecycleProcess.CommentEdit;
import com.complaintdesk.web.InvalidRequestException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Turns one eBay feedback into a case, whether the poll or a notification brought it: a NEGATIVE or NEUTRAL
 * feedback opens exactly one case (T7: its first-response clock starts), as the technical user
 * {@code channel:ebay}; a POSITIVE one opens none. A feedback that already has a case and comes back with another
 * type or text was revised by the buyer (R3): when the case waits for the review's outcome it becomes
 * {@code updated}; otherwise the revision is recorded on the case. Each version of a feedback (its id, type and
 * text) is stored once in {@code cd_inbound_event} under {@code feedback:<id>:<type>:<digest of the text>} before
 * it is handled, so the poll and the notifications, which may both bring it, handle it once.
 */
@Service
class EbayFeedbackIntake {

    static final String CHANNEL = Channel.EBAY.key();

    private final InboundEvents events;
    private final ComplaintIntake intake;
    private final CaseRecords cases;
    private final ComplaintLifecycleProcess lifecycle;
    private final EngineAuthentication engine;
    private final Validator validator;
    private final Clock clock = Clock.systemUTC();

    EbayFeedbackIntake(
            InboundEvents events,
            ComplaintIntake intake,
            CaseRecords cases,
            ComplaintLifecycleProcess lifecycle,
            EngineAuthentication engine,
            Validator validator) {
        this.events = events;
        this.intake = intake;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.engine = engine;
        this.validator = validator;
    }

    /** What became of a feedback version; {@code caseId} is the feedback's case, when it has one. */
    record Handled(boolean fresh, String outcome, String caseId) {}

    /**
     * Stores this version of the feedback unless it is known, then handles it. A version whose handling failed
     * stays unprocessed, and is handled when it comes again.
     */
    Handled receive(EbayFeedback feedback, String payload) {
        if (feedback.feedbackId() == null) {
            return new Handled(false, "feedback without a feedbackId: not handled", null);
        }
        InboundEvents.Event event = events.record(
                CHANNEL,
                key(feedback.feedbackId(), feedback.commentType(), feedback.text()),
                payload,
                OffsetDateTime.now(clock));
        if (event.processed()) {
            return new Handled(
                    false,
                    "feedback " + feedback.feedbackId() + ": seen before (" + event.outcome() + ")",
                    caseOf(feedback));
        }
        String outcome = handle(feedback);
        // The case it opened or concerns keeps this version as received (X4, E6).
        String caseId = caseOf(feedback);
        if (caseId != null) {
            events.linkToCase(event, caseId);
        }
        events.processed(event.id(), outcome, OffsetDateTime.now(clock));
        return new Handled(true, outcome, caseId);
    }

    private String caseOf(EbayFeedback feedback) {
        return intake.find(Channel.EBAY, feedback.feedbackId())
                .map(ComplaintCase::caseId)
                .orElse(null);
    }

    static String key(String feedbackId, String commentType, String text) {
        return "feedback:" + feedbackId + ":" + commentType + ":" + Sha256.shortHex(text == null ? "" : text);
    }

    /** Handles the feedback; returns what was done, for the stored delivery's outcome. */
    private String handle(EbayFeedback feedback) {
        if (feedback.feedbackId() == null) {
            return "feedback without a feedbackId: not handled";
        }
        String prefix = "feedback " + feedback.feedbackId();
        Optional<ComplaintCase> known = intake.find(Channel.EBAY, feedback.feedbackId());
        if (known.isPresent()) {
            return revised(known.get(), feedback);
        }
        if (!feedback.complaint()) {
            return prefix + ": " + feedback.commentType() + ", no case";
        }
        ComplaintRequest request = request(feedback);
        Set<ConstraintViolation<ComplaintRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return prefix + ": refused, "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining(", "));
        }
        try {
            ComplaintIntake.Received received = engine.asChannel(CHANNEL, () -> intake.receive(request));
            return prefix + ": case " + received.complaintCase().caseId()
                    + (received.created() ? " opened" : " already open");
        } catch (InvalidRequestException e) {
            return prefix + ": refused, "
                    + e.problems().stream()
                            .map(p -> p.field() + " " + p.message())
                            .collect(Collectors.joining(", "));
        }
    }

    /** R3: the same feedback with another type or text; eBay lets the buyer revise it once. */
    private String revised(ComplaintCase complaintCase, EbayFeedback feedback) {
        String prefix = "feedback " + feedback.feedbackId() + " (case " + complaintCase.caseId() + ")";
        boolean sameText = feedback.text() == null || feedback.text().equals(complaintCase.text());
        // NEGATIVE became NEUTRAL (or back) with the text unchanged: the other type's version was stored before.
        String otherType =
                EbayFeedback.NEGATIVE.equals(feedback.commentType()) ? EbayFeedback.NEUTRAL : EbayFeedback.NEGATIVE;
        boolean typeChanged = !feedback.complaint()
                || events.find(CHANNEL, key(feedback.feedbackId(), otherType, feedback.text()))
                        .isPresent();
        if (sameText && !typeChanged) {
            return prefix + ": seen before, nothing new";
        }
        boolean open = cases.summary(complaintCase.caseId())
                .map(CaseSummary::status)
                .map(CaseRecords.OPEN::equals)
                .orElse(false);
        if (!open) {
            return prefix + ": revised to " + feedback.commentType() + " after the case was closed; recorded here only";
        }
        String revision = feedback.commentType() + ": " + (feedback.text() == null ? "" : feedback.text());
        Optional<String> refused = ComplaintIntake.textProblem(revision);
        if (refused.isPresent()) {
            return prefix + ": revision refused, text " + refused.get();
        }
        CommentEdit edit =
                engine.asChannel(CHANNEL, () -> lifecycle.commentEdited(complaintCase.businessKey(), revision));
        return prefix
                + switch (edit) {
                    case NOT_RUNNING -> ": revised after the case's lifecycle ended; recorded here only";
                    case ALREADY_KNOWN -> ": revision seen before, nothing new";
                    case RECORDED -> ": revised to " + feedback.commentType() + ", kept on the case";
                    case REVIEW_UPDATED -> ": revised to " + feedback.commentType() + "; review outcome updated (R3)";
                };
    }

    private ComplaintRequest request(EbayFeedback feedback) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime postedAt =
                feedback.enteredAt() == null || feedback.enteredAt().isAfter(now) ? now : feedback.enteredAt();
        ComplaintRequest.Order order =
                feedback.orderLineItemId() != null && feedback.price() != null && feedback.currency() != null
                        ? new ComplaintRequest.Order(
                                feedback.orderLineItemId(), feedback.price(), feedback.currency(), null, null, null)
                        : null;
        ComplaintRequest.Product product = feedback.listingId() != null
                ? new ComplaintRequest.Product(feedback.listingId(), feedback.listingTitle(), feedback.price(), null)
                : null;
        return new ComplaintRequest(
                Channel.EBAY,
                feedback.feedbackId(),
                postedAt,
                feedback.text(),
                language(feedback.text()),
                new ComplaintRequest.Customer(feedback.buyer(), feedback.buyer(), null, null, null),
                order,
                product,
                null);
    }

    /** Feedback carries no language: Chinese (Han) text is zh, Japanese kana ja, Hangul ko, anything else en. */
    static String language(String text) {
        if (text == null) {
            return "en";
        }
        if (text.codePoints()
                .anyMatch(c -> script(c) == Character.UnicodeScript.HIRAGANA
                        || script(c) == Character.UnicodeScript.KATAKANA)) {
            return "ja";
        }
        if (text.codePoints().anyMatch(c -> script(c) == Character.UnicodeScript.HANGUL)) {
            return "ko";
        }
        if (text.codePoints().anyMatch(c -> script(c) == Character.UnicodeScript.HAN)) {
            return "zh";
        }
        return "en";
    }

    private static Character.UnicodeScript script(int codePoint) {
        return Character.UnicodeScript.of(codePoint);
    }
}
