package com.complaintdesk.channel.instagram;

import com.complaintdesk.channel.ChannelException;
import com.complaintdesk.channel.ChannelGateway;
import com.complaintdesk.channel.DeliveryCheck;
import com.complaintdesk.channel.OutboundMessage;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.channel.OutboxEntry;
import com.complaintdesk.channel.sandbox.SandboxChannelGateway;
import com.complaintdesk.intake.Channel;
import com.complaintdesk.intake.ComplaintIntake;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Delivers a case's messages on Instagram, where the case is a comment (its {@code externalId} is the comment id):
 * <ul>
 *   <li>public surface (reply P1–P6, statement T1/X3): a reply under the comment;</li>
 *   <li>private surface (follow-up, offer, reminder, review request): the comment's one private reply, within 7 days
 *       of the comment; Instagram allows nothing more through a comment, so a later private message is refused with a
 *       {@link ChannelException} saying to send it in the Direct conversation by hand ({@link #NOT_THROUGH_THE_API});
 *       the forms do not refuse it, as editing cannot help ({@link InstagramTextRule});</li>
 *   <li>action surface (pausing a listing, carrying out a remedy, reporting an account to the platform): Instagram has no API for them, so the action is
 *       recorded as manual ({@code manual:<uuid>}) for a person to carry out.</li>
 * </ul>
 * Live only with an access token and an account id ({@link InstagramOutboundProperties}); otherwise it handles no
 * channel and the sandbox delivers Instagram messages. The Graph API takes no idempotency key: after a reply's answer
 * was lost, {@link #check} looks under the comment for it before anything is posted again; a private reply cannot be
 * looked up, so a person checks the Direct conversation instead.
 */
@Component
@Order(0) // before the sandbox, which has the lowest precedence and handles every channel
public class InstagramGateway implements ChannelGateway {

    /** The prefix of the reference of an action Instagram has no API for, recorded for a person to carry out. */
    public static final String MANUAL_PREFIX = "manual:";

    /**
     * What the agent does when a private message cannot go as the comment's private reply (7-day window, one per
     * comment): nothing in the text can change that, so it is read in the "Handle failed delivery" task, whose
     * choices it names.
     */
    static final String NOT_THROUGH_THE_API = "Instagram will not take this message, however often it is tried again:"
            + " send it to the customer yourself in the Instagram Direct conversation, then choose"
            + " \"I delivered it by hand\"";

    private static final Logger log = LoggerFactory.getLogger(InstagramGateway.class);
    private static final String INSTAGRAM = Channel.INSTAGRAM.key();

    private final InstagramOutboundProperties graph;
    private final InstagramGraphClient client;
    private final Cases cases;
    private final Clock clock;

    /** The comment a case answers: its Instagram id and when the customer posted it. */
    record Comment(String id, OffsetDateTime postedAt) {}

    /** What the gateway needs to know about a case. */
    interface Cases {

        Optional<Comment> comment(String caseId);

        /** Whether the case's one private reply was already delivered on Instagram (not by the sandbox). */
        boolean privateReplySent(String caseId);
    }

    @Autowired
    InstagramGateway(
            InstagramOutboundProperties graph,
            RestClient.Builder restClients,
            ComplaintIntake intake,
            ObjectProvider<Outbox> outbox) {
        this(
                graph,
                graph.configured() ? InstagramGraphClient.create(graph, restClients) : null,
                casesFrom(intake, outbox),
                Clock.systemUTC());
        if (graph.configured()) {
            log.info("Instagram delivery is live: Graph API {} as account {}", graph.baseUrl(), graph.accountId());
        } else {
            log.info("Instagram delivery is off: {}; the sandbox delivers Instagram messages", graph.missing());
        }
    }

    InstagramGateway(InstagramOutboundProperties graph, InstagramGraphClient client, Cases cases, Clock clock) {
        this.graph = graph;
        this.client = client;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public boolean handles(String channel) {
        return graph.configured() && INSTAGRAM.equals(channel);
    }

    @Override
    public String deliver(OutboundMessage message) {
        return switch (message.surface()) {
            case OutboundMessage.PUBLIC -> replyUnderComment(message);
            case OutboundMessage.PRIVATE -> privateReply(message);
            default -> recordManualAction(message);
        };
    }

    @Override
    public DeliveryCheck check(OutboundMessage message) {
        return switch (message.surface()) {
            case OutboundMessage.PUBLIC ->
                live().findReply(commentOf(message).id(), graph.accountId(), message.text())
                        .map(DeliveryCheck::found)
                        .orElseGet(DeliveryCheck::absent);
            case OutboundMessage.PRIVATE ->
                DeliveryCheck.unknown(
                        "Instagram offers no way to look up a private reply; see the Direct conversation with the customer");
            default -> DeliveryCheck.absent(); // a manual action: nothing was posted anywhere
        };
    }

    private String replyUnderComment(OutboundMessage message) {
        InstagramRules.commentTextProblem(message.text()).ifPresent(InstagramGateway::refuse);
        Comment comment = commentOf(message);
        String id = live().replyToComment(comment.id(), message.text());
        log.info(
                "Instagram: {} for case {} posted under comment {} as comment {}",
                message.kind(),
                message.caseId(),
                comment.id(),
                id);
        return id;
    }

    private String privateReply(OutboundMessage message) {
        InstagramRules.messageTextProblem(message.text()).ifPresent(InstagramGateway::refuse);
        Comment comment = commentOf(message);
        InstagramRules.privateReplyRefusal(
                        comment.postedAt(), cases.privateReplySent(message.caseId()), clock.instant())
                .ifPresent(reason -> refuse(
                        reason + " (case " + message.caseId() + ", " + message.kind() + "). " + NOT_THROUGH_THE_API));
        String id = live().privateReply(graph.accountId(), comment.id(), message.text());
        log.info(
                "Instagram: {} for case {} sent as the private reply to comment {}, message {}",
                message.kind(),
                message.caseId(),
                comment.id(),
                id);
        return id;
    }

    private String recordManualAction(OutboundMessage message) {
        String reference = MANUAL_PREFIX + UUID.randomUUID();
        log.info(
                "Instagram has no API for {}: recorded as manual action {} for case {}; carry it out by hand",
                message.kind(),
                reference,
                message.caseId());
        return reference;
    }

    private InstagramGraphClient live() {
        if (client == null) {
            throw new IllegalStateException(
                    "Instagram delivery is off (" + graph.missing() + "); the outbox should not have asked");
        }
        return client;
    }

    private Comment commentOf(OutboundMessage message) {
        return cases.comment(message.caseId())
                .orElseThrow(() -> ChannelException.refused(
                        "No Instagram comment to answer: case " + message.caseId() + " is unknown"));
    }

    private static void refuse(String reason) {
        throw ChannelException.refused(reason);
    }

    private static Cases casesFrom(ComplaintIntake intake, ObjectProvider<Outbox> outbox) {
        return new Cases() {
            @Override
            public Optional<Comment> comment(String caseId) {
                return intake.find(caseId).map(c -> new Comment(c.externalId(), c.postedAt()));
            }

            @Override
            public boolean privateReplySent(String caseId) {
                // Looked up when sending, not when wiring: the outbox itself is built from the gateways.
                return outbox.getObject().forCase(caseId).stream()
                        .anyMatch(InstagramGateway::deliveredPrivatelyOnInstagram);
            }
        };
    }

    static boolean deliveredPrivatelyOnInstagram(OutboxEntry entry) {
        return INSTAGRAM.equals(entry.channel())
                && OutboundMessage.PRIVATE.equals(entry.surface())
                && Outbox.DELIVERED.equals(entry.status())
                && entry.platformRef() != null
                && !entry.platformRef().startsWith(SandboxChannelGateway.REFERENCE_PREFIX);
    }
}
