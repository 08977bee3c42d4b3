package com.complaintdesk.channel.instagram;

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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Turns the comments of an Instagram webhook delivery into cases. The delivery (already checked to be Meta's) is
 * stored first, once however often it arrives; then each comment opens a case through {@link ComplaintIntake}, as
 * the technical user {@code channel:instagram}. A comment the shop wrote itself opens none. A comment that already
 * has a case and arrives with another text was edited by the customer (R3): an open case keeps the new text and,
 * when it is waiting for the review's outcome, hears that the review was updated.
 */
@Service
class InstagramComments {

    static final String CHANNEL = Channel.INSTAGRAM.key();

    private static final Logger log = LoggerFactory.getLogger(InstagramComments.class);

    private final InboundEvents events;
    private final ComplaintIntake intake;
    private final CaseRecords cases;
    private final ComplaintLifecycleProcess lifecycle;
    private final EngineAuthentication engine;
    private final InstagramProperties settings;
    private final ObjectMapper json;
    private final Validator validator;
    private final Clock clock;

    InstagramComments(
            InboundEvents events,
            ComplaintIntake intake,
            CaseRecords cases,
            ComplaintLifecycleProcess lifecycle,
            EngineAuthentication engine,
            InstagramProperties settings,
            ObjectMapper json,
            Validator validator) {
        this.events = events;
        this.intake = intake;
        this.cases = cases;
        this.lifecycle = lifecycle;
        this.engine = engine;
        this.settings = settings;
        this.json = json;
        this.validator = validator;
        this.clock = Clock.systemUTC();
    }

    /** Stores a signed delivery, then handles each of its changes (a repeat is stored once and handled once). */
    DeliveryOutcome receive(byte[] body) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        InboundEvents.Event event =
                events.record(CHANNEL, "sha256:" + Sha256.hex(body), new String(body, StandardCharsets.UTF_8), now);
        if (event.processed()) {
            log.info("Instagram delivery {} was received before ({}); nothing done again", event.id(), event.outcome());
            return DeliveryOutcome.ALREADY_PROCESSED;
        }
        // Not processed yet: new, or a retry of a delivery whose handling failed, or the same delivery racing in
        // right now. Handling is idempotent (intake per comment id, the edit per text), so all may go ahead.
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (IOException e) {
            events.processed(event.id(), "not JSON: " + e.getMessage(), now);
            log.warn("Instagram delivery {} is signed but not JSON; stored, nothing done", event.id());
            return DeliveryOutcome.UNREADABLE;
        }
        if (root == null || !root.isObject()) {
            events.processed(event.id(), "not a JSON object", now);
            return DeliveryOutcome.UNREADABLE;
        }
        InstagramDelivery delivery = InstagramDelivery.read(root);
        if (!InstagramDelivery.INSTAGRAM.equals(delivery.object())) {
            events.processed(event.id(), "object '" + delivery.object() + "' is not instagram: ignored", now);
            return DeliveryOutcome.PROCESSED;
        }
        List<String> outcomes = new ArrayList<>();
        boolean failed = false;
        for (InstagramDelivery.Change change : delivery.changes()) {
            try {
                outcomes.add(handle(event, change, now));
            } catch (RuntimeException e) {
                failed = true;
                outcomes.add(describe(change) + ": failed (" + e + ")");
                log.error(
                        "Instagram delivery {}: {} could not be handled; Meta will deliver it again",
                        event.id(),
                        describe(change),
                        e);
            }
        }
        String outcome = outcomes.isEmpty() ? "no changes" : String.join("; ", outcomes);
        if (failed) {
            return DeliveryOutcome.FAILED;
        }
        events.processed(event.id(), outcome, OffsetDateTime.now(clock));
        log.info("Instagram delivery {}: {}", event.id(), outcome);
        return DeliveryOutcome.PROCESSED;
    }

    private String handle(InboundEvents.Event event, InstagramDelivery.Change change, OffsetDateTime receivedAt) {
        InstagramDelivery.Comment comment = change.comment();
        if (comment == null) {
            return "field " + change.field() + ": not handled";
        }
        if (comment.id() == null) {
            return change.field() + " without a comment id: not handled";
        }
        if (settings.isShop(comment.fromId())
                || (comment.fromId() != null && comment.fromId().equals(change.accountId()))) {
            return "comment " + comment.id() + ": the shop's own, ignored";
        }
        Optional<ComplaintCase> known = intake.find(Channel.INSTAGRAM, comment.id());
        if (known.isPresent()) {
            events.linkToCase(event, known.get().caseId());
            return edited(known.get(), comment);
        }
        ComplaintRequest request = request(change, comment, receivedAt);
        Set<ConstraintViolation<ComplaintRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return "comment " + comment.id() + ": refused, "
                    + violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining(", "));
        }
        try {
            ComplaintIntake.Received received = engine.asChannel(CHANNEL, () -> intake.receive(request));
            events.linkToCase(event, received.complaintCase().caseId());
            return "comment " + comment.id() + ": case "
                    + received.complaintCase().caseId() + (received.created() ? " opened" : " already open");
        } catch (InvalidRequestException e) {
            return "comment " + comment.id() + ": refused, "
                    + e.problems().stream()
                            .map(p -> p.field() + " " + p.message())
                            .collect(Collectors.joining(", "));
        }
    }

    /** R3: the customer's comment again, with a text the case has not seen: edited on Instagram. */
    private String edited(ComplaintCase complaintCase, InstagramDelivery.Comment comment) {
        String prefix = "comment " + comment.id() + " (case " + complaintCase.caseId() + ")";
        if (comment.text() == null || comment.text().equals(complaintCase.text())) {
            return prefix + ": delivered again, nothing new";
        }
        boolean open = cases.summary(complaintCase.caseId())
                .map(CaseSummary::status)
                .map(CaseRecords.OPEN::equals)
                .orElse(false);
        if (!open) {
            return prefix + ": edited after the case was closed; recorded here only";
        }
        Optional<String> refused = ComplaintIntake.textProblem(comment.text());
        if (refused.isPresent()) {
            // kept in the stored delivery only: Meta need not deliver it again
            return prefix + ": edit refused, text " + refused.get();
        }
        CommentEdit edit =
                engine.asChannel(CHANNEL, () -> lifecycle.commentEdited(complaintCase.businessKey(), comment.text()));
        return prefix
                + switch (edit) {
                    case NOT_RUNNING -> ": edited after the case's lifecycle ended; recorded here only";
                    case ALREADY_KNOWN -> ": edit delivered again, nothing new";
                    case RECORDED -> ": edited, new text kept on the case";
                    case REVIEW_UPDATED -> ": edited, new text kept on the case; review outcome updated (R3)";
                };
    }

    private static ComplaintRequest request(
            InstagramDelivery.Change change, InstagramDelivery.Comment comment, OffsetDateTime receivedAt) {
        // Meta's notification carries no time of the comment itself, only when it was sent: the closest we know.
        OffsetDateTime postedAt =
                change.sentAt() == null ? receivedAt : change.sentAt().atOffset(ZoneOffset.UTC);
        return new ComplaintRequest(
                Channel.INSTAGRAM,
                comment.id(),
                postedAt,
                comment.text(),
                language(comment.text()),
                new ComplaintRequest.Customer(comment.fromId(), comment.fromUsername(), null, null, null),
                null,
                null,
                null);
    }

    /** Comments carry no language: any Chinese (Han) character makes it zh, anything else en. */
    static String language(String text) {
        if (text != null
                && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
            return "zh";
        }
        return "en";
    }

    private static String describe(InstagramDelivery.Change change) {
        return change.comment() == null
                ? "field " + change.field()
                : "comment " + change.comment().id();
    }
}
