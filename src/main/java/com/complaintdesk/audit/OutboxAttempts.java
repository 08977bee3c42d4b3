package com.complaintdesk.audit;

import static com.complaintdesk.common.Timestamps.utc;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox's bookkeeping of its attempts to send a case's messages ({@code cd_outbound_message}: how many, when
 * the last one was, the last error and the process step that sent it), which the outbox keeps for itself and the
 * timeline shows beside each message.
 */
@Repository
class OutboxAttempts {

    /** The attempts of one message; {@code lastError} is the last failure, even when a later attempt delivered it. */
    record Attempts(int attempts, OffsetDateTime lastAttemptAt, String lastError, String step) {}

    private final JdbcClient jdbc;

    OutboxAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By message id, for every message of the case. */
    Map<String, Attempts> forCase(String caseId) {
        Map<String, Attempts> byId = new LinkedHashMap<>();
        jdbc.sql(
                        "SELECT id, attempts, last_attempt_at, last_error, step FROM cd_outbound_message WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query((rs, row) -> byId.put(
                        rs.getString("id"),
                        new Attempts(
                                rs.getInt("attempts"),
                                utc(rs.getObject("last_attempt_at", OffsetDateTime.class)),
                                rs.getString("last_error"),
                                rs.getString("step"))))
                .list();
        return byId;
    }
}
