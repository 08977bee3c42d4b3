package com.complaintdesk.channel;

import java.util.Objects;
import java.util.Set;

/**
 * A message or platform action to send for a case. {@code surface} is {@code public} (everyone sees it, P1–P6),
 * {@code private} (only the customer, F1–F7) or {@code action} (no text for anyone, e.g. pausing a listing);
 * {@code idempotencyKey} makes a retried send deliver it once.
 */
public record OutboundMessage(
        String caseId,
        String channel,
        MessageKind kind,
        String surface,
        String recipient,
        String text,
        String idempotencyKey) {

    public static final String PUBLIC = "public";
    public static final String PRIVATE = "private";
    public static final String ACTION = "action";

    private static final Set<String> SURFACES = Set.of(PUBLIC, PRIVATE, ACTION);

    public OutboundMessage {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        if (!SURFACES.contains(surface)) {
            throw new IllegalArgumentException("surface must be one of public, private, action, not " + surface);
        }
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("idempotencyKey must not be blank");
        }
    }
}
