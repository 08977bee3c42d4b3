package com.complaintdesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration that fills a new column of {@code cd_complaint} for the cases received before it, from a text
 * field of the complaint as it was received ({@code payload}, {@code ComplaintRequest} as JSON). SQL alone cannot do
 * it on both databases: H2 has no JSON path functions.
 */
public abstract class PayloadColumnBackfill implements JavaMigration {

    private static final int BATCH = 500;

    private final ObjectMapper json = new ObjectMapper();
    private final String version;
    private final String description;
    private final String column;
    private final String object;
    private final String field;

    /**
     * @param column the column to fill, where it is still NULL
     * @param object the payload's object holding the value, e.g. {@code order}
     * @param field  its text field, e.g. {@code id}
     */
    protected PayloadColumnBackfill(String version, String description, String column, String object, String field) {
        this.version = version;
        this.description = description;
        this.column = column;
        this.object = object;
        this.field = field;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public String getDescription() {
        return description;
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
        try (PreparedStatement select = connection.prepareStatement("SELECT id, payload FROM cd_complaint WHERE "
                        + column + " IS NULL AND payload LIKE '%\"" + object + "\"%'");
                PreparedStatement update =
                        connection.prepareStatement("UPDATE cd_complaint SET " + column + " = ? WHERE id = ?")) {
            select.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    String value = value(rows.getString("payload"));
                    if (value == null) {
                        continue;
                    }
                    update.setString(1, value);
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

    /** The value in a stored complaint, or null when it has none. */
    public String value(String payload) {
        try {
            JsonNode value = json.readTree(payload).path(object).path(field);
            return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }
}
