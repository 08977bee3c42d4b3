package com.complaintdesk.evidence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.h2.api.Trigger;

/**
 * The append-only guard of the evidence tables on H2 (X4, E6), the same rules as PostgreSQL's triggers in
 * {@code db/vendor/postgresql/V9__evidence_append_only.sql}: an item ({@code cd_evidence}) is never changed and is
 * deleted only once its case's chain head is marked purged; a head ({@code cd_evidence_chain}) only advances by one
 * item or becomes purged, and is never deleted. Installed by {@code db/vendor/h2/V9__evidence_append_only.sql}.
 */
public class H2EvidenceGuard implements Trigger {

    private static final String ITEMS = "CD_EVIDENCE";
    private static final String HEADS = "CD_EVIDENCE_CHAIN";

    private String table;
    private final Map<String, Integer> columns = new HashMap<>();

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        this.table = tableName.toUpperCase(Locale.ROOT);
        try (PreparedStatement query = conn.prepareStatement(
                """
                SELECT COLUMN_NAME, ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS
                 WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
                """)) {
            query.setString(1, schemaName);
            query.setString(2, tableName);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.put(rs.getString(1).toUpperCase(Locale.ROOT), rs.getInt(2) - 1);
                }
            }
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow == null) {
            return;
        }
        String caseId = (String) value(oldRow, "CASE_ID");
        if (ITEMS.equals(table)) {
            if (newRow == null && purged(conn, caseId)) {
                return;
            }
            throw new SQLException(
                    "cd_evidence is append-only: item " + value(oldRow, "ID") + " (case " + caseId
                            + ", seq " + value(oldRow, "SEQ") + ") "
                            + (newRow == null ? "may only be deleted by the retention purge" : "cannot be changed"),
                    "45000");
        }
        if (HEADS.equals(table) && newRow != null && allowedHeadUpdate(oldRow, newRow)) {
            return;
        }
        throw new SQLException(
                "cd_evidence_chain only advances by one item or is marked purged: "
                        + (newRow == null ? "DELETE" : "UPDATE") + " of case " + caseId + " refused",
                "45000");
    }

    private boolean allowedHeadUpdate(Object[] oldRow, Object[] newRow) {
        if (!Objects.equals(value(oldRow, "CASE_ID"), value(newRow, "CASE_ID")) || value(oldRow, "PURGED_AT") != null) {
            return false;
        }
        int oldSeq = ((Number) value(oldRow, "LAST_SEQ")).intValue();
        int newSeq = ((Number) value(newRow, "LAST_SEQ")).intValue();
        if (value(newRow, "PURGED_AT") == null) {
            return newSeq == oldSeq + 1 && value(newRow, "LAST_SHA256") != null;
        }
        return newSeq == oldSeq && Objects.equals(value(oldRow, "LAST_SHA256"), value(newRow, "LAST_SHA256"));
    }

    private static boolean purged(Connection conn, String caseId) throws SQLException {
        try (PreparedStatement query =
                conn.prepareStatement("SELECT 1 FROM cd_evidence_chain WHERE case_id = ? AND purged_at IS NOT NULL")) {
            query.setString(1, caseId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next();
            }
        }
    }

    private Object value(Object[] row, String column) {
        Integer index = columns.get(column);
        if (index == null) {
            throw new IllegalStateException(table + " has no column " + column);
        }
        return row[index];
    }
}
