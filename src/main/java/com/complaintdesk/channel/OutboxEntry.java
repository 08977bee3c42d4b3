package com.complaintdesk.channel;

import java.time.OffsetDateTime;

/** One row of the outbox ({@code cd_outbound_message}): what was sent for a case, where, and whether it arrived. */
public record OutboxEntry(
        String id,
        String caseId,
        String channel,
        MessageKind kind,
        String surface,
        String recipient,
        String text,
        String idempotencyKey,
        String status,
        String platformRef,
        OffsetDateTime createdAt,
        OffsetDateTime deliveredAt) {}
