package com.complaintdesk.channel;

/**
 * An outbound message or action was delivered to the platform ({@code status} {@code delivered}, with the
 * platform's id in {@code platformRef}) or recorded as done by hand ({@code manual}). Published by the outbox inside
 * the delivering transaction, once the row says so, so a listener's work (the evidence store, X4) commits with it.
 */
public record MessageDelivered(OutboxEntry entry) {}
