package com.complaintdesk.channel;

import com.complaintdesk.channel.sandbox.SandboxChannelGateway;
import com.complaintdesk.intake.Channel;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component {@code channels}: per channel, whether its messages really reach the platform
 * ({@code live}) or only the sandbox ({@code sandbox}), chosen as the {@link Outbox} chooses. Down only when a channel
 * has no gateway at all, which would make every send of that channel fail.
 */
@Component
class ChannelsHealthIndicator implements HealthIndicator {

    static final String LIVE = "live";
    static final String SANDBOX = "sandbox";
    static final String NONE = "none";

    private final List<ChannelGateway> gateways;

    ChannelsHealthIndicator(List<ChannelGateway> gateways) {
        this.gateways = Outbox.inOrder(gateways);
    }

    @Override
    public Health health() {
        boolean everyChannelDelivered = true;
        Health.Builder health = Health.up();
        for (Channel channel : Channel.values()) {
            Optional<ChannelGateway> gateway = Outbox.first(gateways, channel.key());
            everyChannelDelivered &= gateway.isPresent();
            health.withDetail(
                    channel.key(),
                    gateway.map(g -> g instanceof SandboxChannelGateway ? SANDBOX : LIVE)
                            .orElse(NONE));
        }
        return everyChannelDelivered ? health.build() : health.down().build();
    }
}
