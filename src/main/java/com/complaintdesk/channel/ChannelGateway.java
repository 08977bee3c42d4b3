package com.complaintdesk.channel;

/**
 * The port to a sales channel's platform (Instagram, eBay, WeChat …): posts replies, sends private messages and
 * carries out actions there. The {@link Outbox} picks the first gateway, in {@code @Order}, that handles a channel.
 */
public interface ChannelGateway {

    /** True when this gateway talks to the platform of {@code channel} (a key such as {@code ebay}). */
    boolean handles(String channel);

    /**
     * Delivers a message on the platform; the platform should treat a repeat of the same idempotency key as one.
     *
     * @return the platform's reference to what was posted or done
     * @throws ChannelException when the platform refuses the message or cannot be reached
     */
    String deliver(OutboundMessage message);
}
