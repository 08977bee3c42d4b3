package com.complaintdesk.channel;

/**
 * The port to a sales channel's platform (Instagram, eBay, WeChat …): posts replies, sends private messages and
 * carries out actions there. The {@link Outbox} picks the first gateway, in {@code @Order}, that handles a channel.
 */
public interface ChannelGateway {

    /** True when this gateway talks to the platform of {@code channel} (a key such as {@code ebay}). */
    boolean handles(String channel);

    /**
     * Delivers a message on the platform. None of the platforms takes an idempotency key, so the outbox calls this
     * at most once per message unless {@link #check} says the platform does not have it.
     *
     * @return the platform's reference to what was posted or done
     * @throws ChannelException when the platform refuses the message or cannot be reached; its kind says whether
     *         the message may have been posted all the same
     */
    String deliver(OutboundMessage message);

    /**
     * Looks on the platform for {@code message} after an earlier {@link #deliver} went out and its answer was lost.
     * The default cannot tell: a person then checks before anything is sent again.
     *
     * @throws ChannelException when the platform could not be asked now (the step retries later)
     */
    default DeliveryCheck check(OutboundMessage message) {
        return DeliveryCheck.unknown("this platform offers no way to look a sent message up");
    }
}
