package com.complaintdesk.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the server itself knows of a case, for the gateways that decide a path on it (#15): the case record's channel,
 * confirmed tier and category ({@code cd_complaint}, written by the triage and re-tier steps), and the order value,
 * product price and the customer's order count as intake received them (the stored payload). Found by the process
 * instance, which the engine owns, never by the {@code caseId} variable, which a person could overwrite.
 */
@Repository
public class CaseFacts {

    /** The server's facts of one case; a value the case does not have is null. */
    public record Facts(
            String caseId,
            String channel,
            String tier,
            String category,
            Double orderValue,
            Double productPrice,
            Integer lifetimeOrders) {

        /** Whether the case's channel has a public surface where a review could be revised (R3). */
        public boolean publicSurface() {
            try {
                return channel != null && Channel.fromKey(channel).hasPublicSurface();
            } catch (IllegalArgumentException unknown) {
                return false;
            }
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CaseFacts(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The facts of the case this process instance runs for; empty when no case record names it. */
    public Optional<Facts> forProcessInstance(String processInstanceId) {
        return jdbc.sql(
                        """
                SELECT id, channel, tier, category, payload FROM cd_complaint WHERE process_instance_id = :pid
                """)
                .param("pid", processInstanceId)
                .query((rs, n) -> facts(
                        rs.getString("id"),
                        rs.getString("channel"),
                        rs.getString("tier"),
                        rs.getString("category"),
                        rs.getString("payload")))
                .optional();
    }

    private Facts facts(String caseId, String channel, String tier, String category, String payload) {
        JsonNode request;
        try {
            request = json.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored complaint of case " + caseId + " is not JSON", e);
        }
        return new Facts(
                caseId,
                channel,
                tier,
                category,
                number(request.path("order").path("value")),
                number(request.path("product").path("price")),
                integer(request.path("customer").path("lifetimeOrders")));
    }

    private static Double number(JsonNode node) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isTextual() ? parse(node.textValue()) : null; // (a ternary would unbox the null)
    }

    private static Double parse(String text) {
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Integer integer(JsonNode node) {
        return node.isNumber() ? Integer.valueOf(node.intValue()) : null;
    }
}
