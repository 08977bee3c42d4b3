package com.complaintdesk.evidence;

import com.complaintdesk.channel.Outbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import org.springframework.stereotype.Component;

/**
 * Snapshots of a case's state kept as evidence (X4, E6), written as JSON: what the crisis kit and the extortion
 * defence preserve, and what the evidence recorder keeps as it happens.
 */
@Component
public class CaseSnapshots {

    /** The evidence kind of the messages and actions sent for a case so far. */
    public static final String CONVERSATION = "conversation";

    private final EvidenceStore evidence;
    private final Outbox outbox;
    private final ObjectMapper json;

    public CaseSnapshots(EvidenceStore evidence, Outbox outbox, ObjectMapper json) {
        this.evidence = evidence;
        this.outbox = outbox;
        this.json = json;
    }

    /** Appends {@code value}, as JSON, to the case's evidence. */
    public EvidenceItem preserve(String caseId, String kind, Object value, String by, OffsetDateTime at) {
        return evidence.preserve(caseId, kind, json(value), by, at);
    }

    /** Appends every message and platform action of the case so far, with its delivery state. */
    public EvidenceItem preserveConversation(String caseId, String by, OffsetDateTime at) {
        return preserve(caseId, CONVERSATION, outbox.forCase(caseId), by, at);
    }

    String json(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write evidence", e);
        }
    }
}
