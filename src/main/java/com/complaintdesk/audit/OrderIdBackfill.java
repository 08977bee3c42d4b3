package com.complaintdesk.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway migration 10.1: fills {@code cd_complaint.order_id} (added by V10) for the cases received before it, from
 * the order in the complaint as it was received ({@code payload}), so a search by order finds old cases too. SQL
 * alone cannot do it on both databases: H2 has no JSON path functions.
 */
@Component
class OrderIdBackfill implements JavaMigration {

    private static final int BATCH = 500;

    private final ObjectMapper json = new ObjectMapper();

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("10.1");
    }

    @Override
    public String getDescription() {
        return "audit search order ids";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                     "SELECT id, payload FROM cd_complaint WHERE order_id IS NULL AND payload LIKE '%\"order\"%'");
             PreparedStatement update = connection.prepareStatement("UPDATE cd_complaint SET order_id = ? WHERE id = ?")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String orderId = orderId(rows.getString("payload"));
                    if (orderId == null) {
                        continue;
                    }
                    update.setString(1, orderId);
                    update.setString(2, rows.getString("id"));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }

    /** The order id of a stored complaint ({@code ComplaintRequest} as JSON), or null when it names no order. */
    String orderId(String payload) {
        try {
            JsonNode id = json.readTree(payload).path("order").path("id");
            return id.isTextual() && !id.asText().isEmpty() ? id.asText() : null;
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }
}
