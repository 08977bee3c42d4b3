package com.complaintdesk.channel;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/** An {@link Outbox} over chosen gateways, for channel tests outside this package (no transaction proxy). */
public final class TestOutboxes {

    private TestOutboxes() {}

    public static Outbox of(JdbcClient jdbc, PlatformTransactionManager transactions, List<ChannelGateway> gateways) {
        return new Outbox(jdbc, transactions, event -> {}, gateways);
    }
}
