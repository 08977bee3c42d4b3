package com.complaintdesk.evidence;

import static com.complaintdesk.common.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * X4, E6: keeps a case's evidence (the complaint as received, the platforms' payloads, the messages delivered,
 * order snapshots) append-only, each item hash-chained to the one before it, so a changed, removed or reordered
 * item shows. There is no way to change an item; the only removal is {@link #purge}, of a whole chain after its
 * retention. Appends for one case take turns on the case's chain head ({@code cd_evidence_chain}), locked until
 * the appending transaction ends, so a webhook and a process step preserving at once both succeed, in some order.
 */
@Repository
public class EvidenceStore {

    private static final String SELECT =
            """
            SELECT id, case_id, seq, kind, content, sha256, previous_sha256, created_at, created_by, hash_version,
                   source_ref
              FROM cd_evidence
            """;

    /** How often a first append looks for a chain head that a concurrent first append is creating. */
    private static final int HEAD_ATTEMPTS = 10;

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    EvidenceStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Appends an item to the case's chain (see {@link #preserve(String, String, String, String, String, OffsetDateTime)}). */
    @Transactional
    public EvidenceItem preserve(String caseId, String kind, String content, String createdBy, OffsetDateTime at) {
        return preserve(caseId, kind, null, content, createdBy, at);
    }

    /**
     * Appends an item to the case's chain: the next seq, the previous item's hash, and its own SHA-256 over every
     * field ({@link EvidenceHash}). With a {@code sourceRef} the item is kept once per case: when the case already
     * has an item for it (a webhook delivered again), that item is returned and nothing is added.
     *
     * @throws EvidencePurgedException when the case's evidence was purged after its retention
     */
    @Transactional
    public EvidenceItem preserve(
            String caseId, String kind, String sourceRef, String content, String createdBy, OffsetDateTime at) {
        ChainHead head = lockHead(caseId);
        if (head.purgedAt() != null) {
            throw new EvidencePurgedException(caseId, head.purgedAt());
        }
        if (sourceRef != null) {
            Optional<EvidenceItem> known = jdbc.sql(SELECT + " WHERE case_id = :caseId AND source_ref = :sourceRef")
                    .param("caseId", caseId)
                    .param("sourceRef", sourceRef)
                    .query(EvidenceStore::map)
                    .optional();
            if (known.isPresent()) {
                return known.get();
            }
        }
        // Stored as the databases keep it (UTC, microseconds), so the item hashed equals the one read back.
        OffsetDateTime createdAt = at.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        EvidenceItem unhashed = new EvidenceItem(
                UUID.randomUUID().toString(),
                caseId,
                head.lastSeq() + 1,
                kind,
                content,
                null,
                head.lastSha256(),
                createdAt,
                createdBy,
                EvidenceHash.CURRENT,
                sourceRef);
        EvidenceItem item = new EvidenceItem(
                unhashed.id(),
                caseId,
                unhashed.seq(),
                kind,
                content,
                EvidenceHash.of(unhashed),
                unhashed.previousSha256(),
                createdAt,
                createdBy,
                unhashed.hashVersion(),
                sourceRef);
        jdbc.sql(
                        """
                INSERT INTO cd_evidence (id, case_id, seq, kind, content, sha256, previous_sha256, created_at, created_by,
                                         hash_version, source_ref)
                VALUES (:id, :caseId, :seq, :kind, :content, :sha256, :previous, :createdAt, :createdBy, :hashVersion,
                        :sourceRef)
                """)
                .param("id", item.id())
                .param("caseId", caseId)
                .param("seq", item.seq())
                .param("kind", kind)
                .param("content", content)
                .param("sha256", item.sha256())
                .param("previous", item.previousSha256())
                .param("createdAt", createdAt)
                .param("createdBy", createdBy)
                .param("hashVersion", item.hashVersion())
                .param("sourceRef", sourceRef)
                .update();
        jdbc.sql("UPDATE cd_evidence_chain SET last_seq = :seq, last_sha256 = :sha256 WHERE case_id = :caseId")
                .param("seq", item.seq())
                .param("sha256", item.sha256())
                .param("caseId", caseId)
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

    /** The head of the case's chain; empty when nothing was ever preserved for the case. */
    public Optional<ChainHead> head(String caseId) {
        return jdbc.sql(
                        "SELECT case_id, last_seq, last_sha256, purged_at FROM cd_evidence_chain WHERE case_id = :caseId")
                .param("caseId", caseId)
                .query(EvidenceStore::mapHead)
                .optional();
    }

    /**
     * Recomputes every hash and link of the case's chain and compares its end with the chain's head. Reads the head
     * before the items, so an item appended meanwhile is past the head read; such items are checked against the head
     * read again.
     */
    public ChainCheck check(String caseId, OffsetDateTime at) {
        Optional<ChainHead> head = head(caseId);
        List<EvidenceItem> items = forCase(caseId);
        int lastSeq = items.isEmpty() ? 0 : items.get(items.size() - 1).seq();
        if (head.isEmpty() || lastSeq > head.get().lastSeq()) {
            head = head(caseId);
        }
        return ChainCheck.of(caseId, items, head.orElse(null), at);
    }

    /**
     * Cases whose chain is due for the retention purge: closed before {@code closedBefore} and not purged yet,
     * those closed longest ago first.
     */
    public List<String> dueForPurge(OffsetDateTime closedBefore, int limit) {
        return jdbc.sql(
                        """
                SELECT h.case_id
                  FROM cd_evidence_chain h
                  JOIN cd_complaint c ON c.id = h.case_id
                 WHERE h.purged_at IS NULL AND c.status = 'closed' AND c.closed_at < :closedBefore
                 ORDER BY c.closed_at, h.case_id
                 LIMIT :limit
                """)
                .param("closedBefore", closedBefore)
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    /** What became of a chain the purge was asked to remove. */
    public enum PurgeOutcome {
        PURGED,
        NOT_DUE,
        ALREADY_PURGED,
        BROKEN
    }

    /**
     * The retention purge, and the only removal of evidence: when the case is still closed before
     * {@code closedBefore} and its chain verifies, marks the chain's head purged (it keeps the number of items and
     * the last hash) and deletes the case's items, which the databases' append-only guards allow only then. A chain
     * that does not verify is kept, so that someone looks at it.
     */
    @Transactional
    public PurgeOutcome purge(String caseId, OffsetDateTime closedBefore, OffsetDateTime now) {
        Optional<ChainHead> head = lockExistingHead(caseId);
        if (head.isEmpty()) {
            return PurgeOutcome.NOT_DUE;
        }
        if (head.get().purgedAt() != null) {
            return PurgeOutcome.ALREADY_PURGED;
        }
        long due = jdbc.sql(
                        "SELECT COUNT(*) FROM cd_complaint WHERE id = :caseId AND status = 'closed' AND closed_at < :before")
                .param("caseId", caseId)
                .param("before", closedBefore)
                .query(Long.class)
                .single();
        if (due == 0) {
            return PurgeOutcome.NOT_DUE;
        }
        if (!ChainCheck.of(caseId, forCase(caseId), head.get(), now)
                .verification()
                .valid()) {
            return PurgeOutcome.BROKEN;
        }
        jdbc.sql("UPDATE cd_evidence_chain SET purged_at = :at WHERE case_id = :caseId")
                .param("at", now.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS))
                .param("caseId", caseId)
                .update();
        jdbc.sql("DELETE FROM cd_evidence WHERE case_id = :caseId")
                .param("caseId", caseId)
                .update();
        return PurgeOutcome.PURGED;
    }

    /** The case's chain head, locked until this transaction ends; created (empty) on the case's first append. */
    private ChainHead lockHead(String caseId) {
        for (int attempt = 1; ; attempt++) {
            Optional<ChainHead> head = lockExistingHead(caseId);
            if (head.isPresent()) {
                return head.get();
            }
            if (createHead(caseId)) {
                continue;
            }
            if (attempt == HEAD_ATTEMPTS) {
                throw new IllegalStateException("Could not create the evidence chain of case " + caseId);
            }
            pause(attempt);
        }
    }

    private Optional<ChainHead> lockExistingHead(String caseId) {
        return jdbc.sql(
                        """
                SELECT case_id, last_seq, last_sha256, purged_at FROM cd_evidence_chain WHERE case_id = :caseId FOR UPDATE
                """)
                .param("caseId", caseId)
                .query(EvidenceStore::mapHead)
                .optional();
    }

    /**
     * Inserts an empty head, in a savepoint: when a concurrent first append of the same case inserted it first, only
     * the savepoint is rolled back (PostgreSQL would otherwise abort the caller's whole transaction) and the caller
     * locks that head once it is committed.
     */
    private boolean createHead(String caseId) {
        try {
            savepoint.executeWithoutResult(
                    status -> jdbc.sql("INSERT INTO cd_evidence_chain (case_id, last_seq) VALUES (:caseId, 0)")
                            .param("caseId", caseId)
                            .update());
            return true;
        } catch (DataIntegrityViolationException | TransientDataAccessException e) {
            return false;
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(20L * attempt);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a concurrent evidence append", interrupted);
        }
    }

    private static EvidenceItem map(ResultSet rs, int row) throws SQLException {
        return new EvidenceItem(
                rs.getString("id"),
                rs.getString("case_id"),
                rs.getInt("seq"),
                rs.getString("kind"),
                rs.getString("content"),
                rs.getString("sha256"),
                rs.getString("previous_sha256"),
                utc(rs.getObject("created_at", OffsetDateTime.class)),
                rs.getString("created_by"),
                rs.getInt("hash_version"),
                rs.getString("source_ref"));
    }

    private static ChainHead mapHead(ResultSet rs, int row) throws SQLException {
        return new ChainHead(
                rs.getString("case_id"),
                rs.getInt("last_seq"),
                rs.getString("last_sha256"),
                utc(rs.getObject("purged_at", OffsetDateTime.class)));
    }
}
