package com.complaintdesk.channel;

import java.time.OffsetDateTime;

/** The outcome of {@link Outbox#send}: the outbox row's id and the platform's reference to what it posted. */
public record Delivery(String messageId, String platformRef, String status, OffsetDateTime deliveredAt) {}
