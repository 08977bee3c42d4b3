package com.complaintdesk.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What a case's evidence chain holds (X4, E6), for tests of the modules that feed it, found by the case's channel id. */
public final class CaseEvidence {

    private static final ObjectMapper JSON = new ObjectMapper();

    private CaseEvidence() {}

    /** The kinds of the case's items, in chain order. */
    public static List<String> kinds(JdbcClient jdbc, String channel, String externalId) {
        return jdbc.sql(
                        """
                SELECT e.kind FROM cd_evidence e JOIN cd_complaint c ON c.id = e.case_id
                 WHERE c.channel = :channel AND c.external_id = :externalId ORDER BY e.seq
                """)
                .param("channel", channel)
                .param("externalId", externalId)
                .query(String.class)
                .list();
    }

    /** The platform deliveries kept with the case, each as the platform sent it, in chain order. */
    public static List<String> inboundPayloads(JdbcClient jdbc, String channel, String externalId) {
        return jdbc
                .sql(
                        """
                SELECT e.content FROM cd_evidence e JOIN cd_complaint c ON c.id = e.case_id
                 WHERE c.channel = :channel AND c.external_id = :externalId AND e.kind = 'inbound' ORDER BY e.seq
                """)
                .param("channel", channel)
                .param("externalId", externalId)
                .query(String.class)
                .list()
                .stream()
                .map(content -> {
                    try {
                        return JSON.readTree(content).path("payload").asText();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .toList();
    }
}
