package com.complaintdesk.intake;

import java.time.OffsetDateTime;

/**
 * A complaint became a new case: published inside the transaction that stores it, before its lifecycle starts, so
 * listeners that keep something about the case (the evidence store, X4) commit or roll back with it.
 *
 * @param payload the complaint as received, as JSON (also kept in {@code cd_complaint.payload})
 * @param receivedBy the user or channel ({@code channel:<name>}) that delivered it
 */
public record ComplaintReceived(
        String caseId,
        Channel channel,
        String externalId,
        OffsetDateTime receivedAt,
        String receivedBy,
        String payload) {}
