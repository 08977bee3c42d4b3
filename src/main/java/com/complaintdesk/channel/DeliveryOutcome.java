package com.complaintdesk.channel;

/** What became of a platform's delivery to one of the webhooks (stored first in {@link InboundEvents}). */
public enum DeliveryOutcome {
    /** Handled now, or there was nothing to do for it. */
    PROCESSED,
    /** The same delivery was handled before; nothing was done again. */
    ALREADY_PROCESSED,
    /** Stored, but its body is not what the platform documents; nothing else was done. */
    UNREADABLE,
    /** Stored, but it could not be handled for a reason that may pass: the platform should deliver it again. */
    FAILED
}
