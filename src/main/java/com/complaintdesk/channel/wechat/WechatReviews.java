package com.complaintdesk.channel.wechat;

import com.complaintdesk.channel.DeliveryOutcome;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns the pushes of the mini program's message push URL into cases. A push (already checked to be WeChat's) is
 * stored first, once however often it arrives; a bad-review event then fetches the review's details and opens a case
 * through {@link ComplaintIntake}, as the technical user {@code channel:wechat}, with the review's id as the case's
 * external id. A review that replaces one with a case is the customer's edit (R3): the case keeps the new text and,
 * when it waits for the review's outcome, hears that the review was updated. A customer's own message to customer
 * service is kept as their latest interaction (the 48-hour rule of {@link WechatGateway}).
 */
@Service
class WechatReviews {

    static final String CHANNEL = Channel.WECHAT.key();

    private static final Logger log = LoggerFactory.getLogger(WechatReviews.class);

    private final InboundEvents events;
    private final WechatApi api;
    private final WechatContacts contacts;
    private final ComplaintIntake intake;
    private final CaseRecords cases;
    private final ComplaintLifecycleProcess lifecycle;
    private final EngineAuthentication engine;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    WechatReviews(
            InboundEvents events,
            WechatApi api,
            WechatContacts contacts,
            ComplaintIntake intake,
            CaseRecords cases,
            ComplaintLifecycleProcess lifecycle,
            EngineAuthentication engine,
            ObjectMapper json,
            Validator validator) {
        this.events = events;
        this.api = api;
        this.contacts = contacts;
        this.intake = intake;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.engine = engine;
        this.json = json;
        this.validator = validator;
        this.clock = Clock.systemUTC();
    }

    /**
     * The review events this channel handles. WeChat documents one, {@value WechatPush#BAD_REVIEW}, pushed for a new
     * 1–2 star review (https://developers.weixin.qq.com/miniprogram/dev/server/event_push/guarantee/negative.html);
     * an edit arrives as a new review whose details name the edited one in {@code oldComment}. The stored docs name
     * no event for a review edited to three stars or more, nor for a settled (和解) review: add its name here once it
     * is documented, and the handling below applies to it unchanged.
     */
    static boolean isReviewEvent(WechatPush push) {
        return push.isEvent(WechatPush.BAD_REVIEW);
    }

    /** Stores a signed push, then handles it (a repeat is stored once and handled once). */
    DeliveryOutcome receive(byte[] body) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        WechatPush push = WechatPush.read(body, json);
        // A customer's message has WeChat's own unique MsgId; events have none, so their body identifies them.
        String key = push != null && push.msgId() != null ? "msgid:" + push.msgId() : "sha256:" + Sha256.hex(body);
        InboundEvents.Event event = events.record(CHANNEL, key, new String(body, StandardCharsets.UTF_8), now);
        if (event.processed()) {
            log.info("WeChat push {} was received before ({}); nothing done again", event.id(), event.outcome());
            return DeliveryOutcome.ALREADY_PROCESSED;
        }
        if (push == null) {
            events.processed(event.id(), "neither XML nor JSON", now);
            log.warn("WeChat push {} is signed but neither XML nor JSON; stored, nothing done", event.id());
            return DeliveryOutcome.UNREADABLE;
        }
        String outcome;
        try {
            outcome = handle(event, push, now);
        } catch (RuntimeException e) {
            log.error(
                    "WeChat push {} ({} {}) could not be handled; WeChat will push it again",
                    event.id(),
                    push.msgType(),
                    push.event(),
                    e);
            return DeliveryOutcome.FAILED;
        }
        events.processed(event.id(), outcome, OffsetDateTime.now(clock));
        log.info("WeChat push {}: {}", event.id(), outcome);
        return DeliveryOutcome.PROCESSED;
    }

    private String handle(InboundEvents.Event event, WechatPush push, OffsetDateTime receivedAt) {
        if (isReviewEvent(push)) {
            if (push.commentId() == null) {
                return push.event() + " without result.comment_id: not handled";
            }
            if (!ComplaintIntake.isExternalId(push.commentId())) {
                return push.event() + " result.comment_id " + push.commentId() + " is not an id: not handled";
            }
            return review(event, api.review(push.commentId()), push, receivedAt);
        }
        if (!WechatPush.EVENT.equals(push.msgType()) && push.fromUserName() != null) {
            if (!ComplaintIntake.isExternalId(push.fromUserName())) {
                return push.msgType() + " message from FromUserName " + push.fromUserName()
                        + ", which is not an openid: not handled";
            }
            // The customer wrote to customer service: the 48-hour window opens again.
            contacts.interacted(
                    push.fromUserName(),
                    push.createdAt() == null ? receivedAt.toInstant() : push.createdAt(),
                    receivedAt.toInstant());
            return push.msgType() + " message from a customer: kept as their latest interaction";
        }
        return "MsgType " + push.msgType() + (push.event() == null ? "" : " Event " + push.event()) + ": not handled";
    }

    private String review(InboundEvents.Event event, WechatReview review, WechatPush push, OffsetDateTime receivedAt) {
        String commentId = review.commentId() == null ? push.commentId() : review.commentId();
        Instant postedAt = review.createdAt() != null
                ? review.createdAt()
                : push.createdAt() != null ? push.createdAt() : receivedAt.toInstant();
        if (ComplaintIntake.isExternalId(review.openId())) {
            contacts.interacted(review.openId(), postedAt, receivedAt.toInstant());
        }
        if (review.oldCommentId() != null) {
            Optional<ComplaintCase> edited = intake.find(Channel.WECHAT, review.oldCommentId());
            if (edited.isPresent()) {
                events.linkToCase(event, edited.get().caseId());
                return edited(edited.get(), commentId, text(review));
            }
        }
        Optional<ComplaintCase> known = intake.find(Channel.WECHAT, commentId);
        if (known.isPresent()) {
            events.linkToCase(event, known.get().caseId());
            return "review " + commentId + ": case " + known.get().caseId() + " already open";
        }
        ComplaintRequest request = request(commentId, review, postedAt);
        Set<ConstraintViolation<ComplaintRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return "review " + commentId + ": refused, "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining(", "));
        }
        try {
            ComplaintIntake.Received received = engine.asChannel(CHANNEL, () -> intake.receive(request));
            events.linkToCase(event, received.complaintCase().caseId());
            return "review " + commentId + ": case " + received.complaintCase().caseId()
                    + (received.created() ? " opened" : " already open");
        } catch (InvalidRequestException e) {
            return "review " + commentId + ": refused, "
                    + e.problems().stream()
                            .map(p -> p.field() + " " + p.message())
                            .collect(Collectors.joining(", "));
        }
    }

    /** R3: the customer edited the review of a case; WeChat gave the edited review a new id. */
    private String edited(ComplaintCase complaintCase, String newCommentId, String text) {
        String prefix = "review " + newCommentId + " replaces " + complaintCase.externalId() + " (case "
                + complaintCase.caseId() + ")";
        boolean open = cases.summary(complaintCase.caseId())
                .map(CaseSummary::status)
                .map(CaseRecords.OPEN::equals)
                .orElse(false);
        if (!open) {
            return prefix + ": edited after the case was closed; recorded here only";
        }
        Optional<String> refused = ComplaintIntake.textProblem(text);
        if (refused.isPresent()) {
            return prefix + ": edit refused, text " + refused.get();
        }
        CommentEdit edit = engine.asChannel(CHANNEL, () -> lifecycle.commentEdited(complaintCase.businessKey(), text));
        return prefix
                + switch (edit) {
                    case NOT_RUNNING -> ": edited after the case's lifecycle ended; recorded here only";
                    case ALREADY_KNOWN -> ": edit pushed again, nothing new";
                    case RECORDED -> ": edited, new text kept on the case";
                    case REVIEW_UPDATED -> ": edited, new text kept on the case; review outcome updated (R3)";
                };
    }

    private static ComplaintRequest request(String commentId, WechatReview review, Instant postedAt) {
        String text = text(review);
        ComplaintRequest.Order order = review.orderId() == null || review.amount() == null
                ? null
                : new ComplaintRequest.Order(review.orderId(), review.amount(), "CNY", null, null, null);
        return new ComplaintRequest(
                Channel.WECHAT,
                commentId,
                postedAt.atOffset(ZoneOffset.UTC),
                text,
                language(text),
                new ComplaintRequest.Customer(review.openId(), review.nickName(), null, null, null),
                order,
                null,
                null);
    }

    /** The review's words; a review of stars only reads as such, in Chinese like the platform. */
    private static String text(WechatReview review) {
        if (review.text() != null && !review.text().isBlank()) {
            return review.text().strip();
        }
        return review.stars() == null ? "差评（无文字）" : "差评：" + review.stars() + " 星（无文字）";
    }

    /** Reviews carry no language: any CJK character (Han, or CJK punctuation) makes it zh, anything else en. */
    static String language(String text) {
        if (text != null && text.codePoints().anyMatch(WechatReviews::cjk)) {
            return "zh";
        }
        return "en";
    }

    private static boolean cjk(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN
                || Character.UnicodeBlock.of(codePoint) == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION;
    }
}
