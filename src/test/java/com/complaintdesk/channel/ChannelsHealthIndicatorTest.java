package com.complaintdesk.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.channel.OutboxAppTest.RecordingGateway;
import com.complaintdesk.channel.sandbox.SandboxChannelGateway;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class ChannelsHealthIndicatorTest {

    @Test
    void channelWithARealAdapterIsLiveAndEveryOtherIsSandbox() {
        Health health = new ChannelsHealthIndicator(List.of(new SandboxChannelGateway(), new RecordingGateway("ebay")))
                .health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails())
                .containsEntry("ebay", "live")
                .containsEntry("instagram", "sandbox")
                .containsEntry("wechat", "sandbox")
                .containsEntry("email", "sandbox")
                .hasSize(6);
    }

    @Test
    void channelNoGatewayDeliversIsDown() {
        Health health = new ChannelsHealthIndicator(List.of(new RecordingGateway("ebay"))).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("ebay", "live").containsEntry("instagram", "none");
    }
}
