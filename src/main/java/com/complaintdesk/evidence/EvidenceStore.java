package com.complaintdesk.evidence;

import com.complaintdesk.common.Sha256;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * X4, E6: keeps conversation records, order logs and tracking of a case append-only, each item hash-chained to
 * the one before it, so a changed or removed item shows. Two writers racing for the same case's next item meet
 * the unique (case, seq) constraint: one of them fails and its transaction (an engine job) retries.
 */
@Repository
public class EvidenceStore {

    private static final String SELECT = """
            SELECT id, case_id, seq, kind, content, sha256, previous_sha256, created_at, created_by
              FROM cd_evidence
            """;

    private final JdbcClient jdbc;

    EvidenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Appends an item to the case's chain: the next seq, and the SHA-256 (lower-case hex) of the previous item's
     * hash (empty for the first), a newline, {@code kind}, a newline and {@code content}.
     */
    public EvidenceItem preserve(String caseId, String kind, String content, String createdBy, OffsetDateTime at) {
        Optional<EvidenceItem> last = jdbc.sql(SELECT + """
                 WHERE case_id = :caseId AND seq = (SELECT MAX(seq) FROM cd_evidence WHERE case_id = :caseId)
                """)
                .param("caseId", caseId)
                .query(EvidenceStore::map)
                .optional();
        // Stored as the databases keep it (UTC, microseconds), so the item returned equals the one read back.
        OffsetDateTime createdAt = at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        int seq = last.map(item -> item.seq() + 1).orElse(1);
        String previous = last.map(EvidenceItem::sha256).orElse(null);
        EvidenceItem item = new EvidenceItem(UUID.randomUUID().toString(), caseId, seq, kind, content,
                sha256(previous, kind, content), previous, createdAt, createdBy);
        jdbc.sql("""
                INSERT INTO cd_evidence (id, case_id, seq, kind, content, sha256, previous_sha256, created_at, created_by)
                VALUES (:id, :caseId, :seq, :kind, :content, :sha256, :previous, :createdAt, :createdBy)
                """)
                .param("id", item.id())
                .param("caseId", caseId)
                .param("seq", seq)
                .param("kind", kind)
                .param("content", content)
                .param("sha256", item.sha256())
                .param("previous", previous)
                .param("createdAt", createdAt)
                .param("createdBy", createdBy)
                .update();
        return item;
    }

    /** The case's evidence in the order it was preserved. */
    public List<EvidenceItem> forCase(String caseId) {
        return jdbc.sql(SELECT + " WHERE case_id = :caseId ORDER BY seq")
                .param("caseId", caseId)
                .query(EvidenceStore::map)
                .list();
    }

    static String sha256(String previous, String kind, String content) {
        return Sha256.hex((previous == null ? "" : previous) + "\n" + kind + "\n" + content);
    }

    private static EvidenceItem map(ResultSet rs, int row) throws SQLException {
        OffsetDateTime createdAt = rs.getObject("created_at", OffsetDateTime.class);
        return new EvidenceItem(
                rs.getString("id"),
                rs.getString("case_id"),
                rs.getInt("seq"),
                rs.getString("kind"),
                rs.getString("content"),
                rs.getString("sha256"),
                rs.getString("previous_sha256"),
                createdAt == null ? null : createdAt.withOffsetSameInstant(ZoneOffset.UTC),
                rs.getString("created_by"));
    }
}
