package com.complaintdesk.evidence;

import com.complaintdesk.channel.InboundEventLinked;
import com.complaintdesk.channel.InboundEvents;
import com.complaintdesk.channel.MessageDelivered;
import com.complaintdesk.channel.OutboxEntry;
import com.complaintdesk.intake.ComplaintReceived;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Preserves what reaches and leaves a case as it happens (X4, E6), listening to the modules that handle it: the
 * complaint as received ({@value #COMPLAINT}, in the transaction that opens the case), every platform delivery that
 * concerns the case as the platform sent it ({@value #INBOUND}, once per delivery and case), and every message or
 * action once delivered, with the platform's id ({@value #OUTBOUND}, in the delivering transaction).
 */
@Component
class EvidenceRecorder {

    static final String COMPLAINT = "complaint";
    static final String INBOUND = "inbound";
    static final String OUTBOUND = "outbound";

    private static final Logger log = LoggerFactory.getLogger(EvidenceRecorder.class);

    private final EvidenceStore evidence;
    private final CaseSnapshots snapshots;
    private final ObjectMapper json;
    private final IdentityService identity;
    private final Clock clock = Clock.systemUTC();

    EvidenceRecorder(EvidenceStore evidence, CaseSnapshots snapshots, ObjectMapper json, IdentityService identity) {
        this.evidence = evidence;
        this.snapshots = snapshots;
        this.json = json;
        this.identity = identity;
    }

    @EventListener
    void complaintReceived(ComplaintReceived received) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("caseId", received.caseId());
        content.put("channel", received.channel().key());
        content.put("externalId", received.externalId());
        content.put("receivedAt", received.receivedAt());
        content.put("receivedBy", received.receivedBy());
        content.put("complaint", readTree(received.payload()));
        evidence.preserve(
                received.caseId(), COMPLAINT, COMPLAINT, write(content), received.receivedBy(), received.receivedAt());
    }

    @EventListener
    void inboundLinked(InboundEventLinked linked) {
        InboundEvents.Event event = linked.event();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("channel", event.channel());
        content.put("deliveryId", event.id());
        content.put("eventKey", event.eventKey());
        content.put("receivedAt", event.receivedAt());
        // The body exactly as the platform sent (and signed) it, as text.
        content.put("payload", event.payload());
        try {
            evidence.preserve(
                    linked.caseId(),
                    INBOUND,
                    INBOUND + ":" + event.id(),
                    write(content),
                    "channel:" + event.channel(),
                    OffsetDateTime.now(clock));
        } catch (EvidencePurgedException purged) {
            log.warn("{} delivery {} is not kept: {}", event.channel(), event.id(), purged.getMessage());
        }
    }

    @EventListener
    void messageDelivered(MessageDelivered delivered) {
        OutboxEntry entry = delivered.entry();
        Authentication user = identity.getCurrentAuthentication();
        evidence.preserve(
                entry.caseId(),
                OUTBOUND,
                OUTBOUND + ":" + entry.id(),
                write(entry),
                user == null ? null : user.getUserId(),
                entry.deliveredAt() == null ? OffsetDateTime.now(clock) : entry.deliveredAt());
    }

    private Object readTree(String payload) {
        try {
            return json.readTree(payload);
        } catch (JsonProcessingException e) {
            return payload;
        }
    }

    private String write(Object value) {
        return snapshots.json(value);
    }
}
