package com.complaintdesk.channel.sandbox;

import com.complaintdesk.channel.ChannelGateway;
import com.complaintdesk.channel.DeliveryCheck;
import com.complaintdesk.channel.OutboundMessage;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Accepts every message for every channel without sending it anywhere, and logs that it did. It delivers for every
 * channel without a live adapter (no credentials), and the live adapters take precedence over it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class SandboxChannelGateway implements ChannelGateway {

    /** How every reference the sandbox returns starts, so nobody mistakes one for a platform's. */
    public static final String REFERENCE_PREFIX = "sandbox-";

    private static final Logger log = LoggerFactory.getLogger(SandboxChannelGateway.class);

    @Override
    public boolean handles(String channel) {
        return true;
    }

    /** The sandbox never posts anywhere, so an interrupted send of it is safe to repeat. */
    @Override
    public DeliveryCheck check(OutboundMessage message) {
        return DeliveryCheck.absent();
    }

    @Override
    public String deliver(OutboundMessage message) {
        String platformRef = REFERENCE_PREFIX + UUID.randomUUID();
        // The text and recipient stay out of the log: they are the customer's conversation.
        log.info(
                "Sandbox: {} {} on {} ({}) for case {} not sent anywhere, reference {}",
                message.kind(),
                message.surface(),
                message.channel(),
                message.idempotencyKey(),
                message.caseId(),
                platformRef);
        return platformRef;
    }
}
