package com.complaintdesk.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The evidence store on the application's database (X4, E6): chains of every field's hash, appends racing for one
 * case, a chain changed behind the application's back naming its first broken link, and the database refusing to
 * change or remove evidence through the application's own connection.
 */
@AppTest
class EvidenceStoreAppTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T09:15:00+08:00");

    @Autowired
    EvidenceStore evidence;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    // ------------------------------------------------------------------------------------------------- appending

    @Test
    void preserveNumbersEachCasesItemsAndHashesEveryFieldWithThePreviousHash() {
        String caseId = UUID.randomUUID().toString();
        EvidenceItem first = evidence.preserve(caseId, "conversation", "Customer: the mug arrived broken.", "ana", AT);
        evidence.preserve(UUID.randomUUID().toString(), "conversation", "Another case entirely.", "ben", AT);
        evidence.preserve(
                caseId, "order_log", "ord-1 packed 2026-11-13,\nshipped 2026-11-14", "ana", AT.plusMinutes(5));
        EvidenceItem last = evidence.preserve(caseId, "tracking", "顾客：包裹外箱压坏，杯子碎了。", null, AT.plusMinutes(9));

        List<EvidenceItem> items = evidence.forCase(caseId);

        assertThat(items).extracting(EvidenceItem::seq).containsExactly(1, 2, 3);
        assertThat(items).extracting(EvidenceItem::kind).containsExactly("conversation", "order_log", "tracking");
        assertThat(items).extracting(EvidenceItem::hashVersion).containsOnly(2);
        assertThat(items.get(0)).isEqualTo(first);
        assertThat(items.get(2)).isEqualTo(last);
        assertThat(first.previousSha256()).isNull();
        // the documented canonical form, written out here independently of EvidenceHash
        assertThat(first.sha256())
                .isEqualTo(sha256("complaint-desk-evidence/2\n"
                        + "id:36:" + first.id() + "\n"
                        + "case_id:36:" + caseId + "\n"
                        + "seq:1:1\n"
                        + "kind:12:conversation\n"
                        + "source_ref:-\n"
                        + "created_at:27:2026-11-23T01:15:00.000000Z\n"
                        + "created_by:3:ana\n"
                        + "previous_sha256:-\n"
                        + "content:33:Customer: the mug arrived broken.\n"));
        assertThat(last.sha256())
                .isEqualTo(sha256("complaint-desk-evidence/2\n"
                        + "id:36:" + last.id() + "\n"
                        + "case_id:36:" + caseId + "\n"
                        + "seq:1:3\n"
                        + "kind:8:tracking\n"
                        + "source_ref:-\n"
                        + "created_at:27:2026-11-23T01:24:00.000000Z\n"
                        + "created_by:-\n"
                        + "previous_sha256:64:" + items.get(1).sha256() + "\n"
                        + "content:45:顾客：包裹外箱压坏，杯子碎了。\n"));
        assertThat(items.get(1).previousSha256()).isEqualTo(first.sha256());
        assertThat(last.createdAt()).isEqualTo(AT.plusMinutes(9).withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(evidence.head(caseId)).hasValue(new ChainHead(caseId, 3, last.sha256(), null));
        assertValid(caseId, 3);
    }

    @Test
    void anItemWithASourceIsKeptOncePerCase() {
        String caseId = UUID.randomUUID().toString();
        EvidenceItem first =
                evidence.preserve(caseId, "inbound", "inbound:delivery-1", "{\"payload\":\"a\"}", "channel:ebay", AT);
        EvidenceItem again = evidence.preserve(
                caseId, "inbound", "inbound:delivery-1", "{\"payload\":\"a\"}", "channel:ebay", AT.plusMinutes(1));
        evidence.preserve(
                caseId, "inbound", "inbound:delivery-2", "{\"payload\":\"b\"}", "channel:ebay", AT.plusMinutes(2));

        assertThat(again).isEqualTo(first);
        assertThat(evidence.forCase(caseId))
                .extracting(EvidenceItem::sourceRef)
                .containsExactly("inbound:delivery-1", "inbound:delivery-2");
        assertValid(caseId, 2);
    }

    @Test
    void appendsRacingForOneCaseAllSucceedAndMakeOneGaplessChain() throws Exception {
        String caseId = UUID.randomUUID().toString();
        int writers = 6;
        int each = 5;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        try {
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < each; i++) {
                        evidence.preserve(caseId, "inbound", "writer " + writer + " item " + i, "channel:test", AT);
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : done) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<EvidenceItem> items = evidence.forCase(caseId);
        assertThat(items)
                .extracting(EvidenceItem::seq)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, writers * each).boxed().toList());
        assertThat(items).extracting(EvidenceItem::content).doesNotHaveDuplicates();
        assertValid(caseId, writers * each);
    }

    // ------------------------------------------------------------------------------------ tampering is detected

    @Test
    void changedContentOfTheThirdItemIsNamedAsTheFirstBrokenLink() {
        String caseId = chainOfFive();
        EvidenceItem third = evidence.forCase(caseId).get(2);

        tampering()
                .run(
                        "UPDATE cd_evidence SET content = :content WHERE id = :id",
                        "content",
                        "Customer: all good, thanks!",
                        "id",
                        third.id());

        EvidenceVerification verification = verify(caseId);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3);
        assertThat(verification.firstBrokenId()).isEqualTo(third.id());
        assertThat(verification.reason()).contains("item 3").contains("does not match");
        assertThat(states(caseId))
                .containsExactly(
                        ChainCheck.ItemState.VERIFIED,
                        ChainCheck.ItemState.VERIFIED,
                        ChainCheck.ItemState.ALTERED,
                        ChainCheck.ItemState.AFTER_BREAK,
                        ChainCheck.ItemState.AFTER_BREAK);
    }

    @Test
    void aChangedTimeIsNamed() {
        String caseId = chainOfFive();
        EvidenceItem second = evidence.forCase(caseId).get(1);

        tampering()
                .run(
                        "UPDATE cd_evidence SET created_at = :at WHERE id = :id",
                        "at",
                        AT.minusDays(3),
                        "id",
                        second.id());

        EvidenceVerification verification = verify(caseId);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2);
        assertThat(verification.firstBrokenId()).isEqualTo(second.id());
    }

    @Test
    void aDeletedMiddleItemIsNamedAsTheGapItLeaves() {
        String caseId = chainOfFive();
        EvidenceItem second = evidence.forCase(caseId).get(1);

        tampering().run("DELETE FROM cd_evidence WHERE id = :id", "id", second.id());

        EvidenceVerification verification = verify(caseId);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.items()).isEqualTo(4);
        assertThat(verification.firstBrokenSeq()).isEqualTo(2);
        assertThat(verification.firstBrokenId()).isNull();
        assertThat(verification.reason()).isEqualTo("item 2 is missing: item 3 follows item 1");
        assertThat(states(caseId))
                .containsExactly(
                        ChainCheck.ItemState.VERIFIED,
                        ChainCheck.ItemState.UNLINKED,
                        ChainCheck.ItemState.AFTER_BREAK,
                        ChainCheck.ItemState.AFTER_BREAK);
    }

    @Test
    void reorderedItemsAreNamed() {
        String caseId = chainOfFive();
        List<EvidenceItem> items = evidence.forCase(caseId);

        tampering()
                .run(
                        "UPDATE cd_evidence SET seq = -2 WHERE id = :id",
                        "id",
                        items.get(1).id());
        tampering()
                .run(
                        "UPDATE cd_evidence SET seq = 2 WHERE id = :id",
                        "id",
                        items.get(2).id());
        tampering()
                .run(
                        "UPDATE cd_evidence SET seq = 3 WHERE id = :id",
                        "id",
                        items.get(1).id());

        EvidenceVerification verification = verify(caseId);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(2);
        assertThat(verification.firstBrokenId()).isEqualTo(items.get(2).id());
    }

    @Test
    void aDeletedLastItemIsNamedThroughTheChainsHead() {
        String caseId = chainOfFive();
        EvidenceItem last = evidence.forCase(caseId).get(4);

        tampering().run("DELETE FROM cd_evidence WHERE id = :id", "id", last.id());

        EvidenceVerification verification = verify(caseId);
        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(5);
        assertThat(verification.firstBrokenId()).isNull();
        assertThat(verification.reason()).startsWith("item 5 is missing");
    }

    // -------------------------------------------------------------------- the database keeps evidence append-only

    @Test
    void theDatabaseRefusesToChangeOrDeleteEvidenceThroughTheApplicationsConnection() {
        String caseId = chainOfFive();
        EvidenceItem third = evidence.forCase(caseId).get(2);

        assertRefused(() -> jdbc.sql("UPDATE cd_evidence SET content = 'rewritten' WHERE id = :id")
                .param("id", third.id())
                .update());
        assertRefused(() -> jdbc.sql("UPDATE cd_evidence SET created_at = :at WHERE case_id = :caseId")
                .param("at", AT)
                .param("caseId", caseId)
                .update());
        assertRefused(() -> jdbc.sql("DELETE FROM cd_evidence WHERE id = :id")
                .param("id", third.id())
                .update());
        assertRefused(() -> jdbc.sql("DELETE FROM cd_evidence WHERE case_id = :caseId")
                .param("caseId", caseId)
                .update());
        // nor can the chain's head be moved back over a removed item, marked purged with another end, or removed
        assertRefused(() -> jdbc.sql("UPDATE cd_evidence_chain SET last_seq = 4 WHERE case_id = :caseId")
                .param("caseId", caseId)
                .update());
        assertRefused(
                () -> jdbc.sql("UPDATE cd_evidence_chain SET purged_at = :at, last_seq = 2 WHERE case_id = :caseId")
                        .param("at", AT)
                        .param("caseId", caseId)
                        .update());
        assertRefused(() -> jdbc.sql("DELETE FROM cd_evidence_chain WHERE case_id = :caseId")
                .param("caseId", caseId)
                .update());
        if (TestDatabase.onPostgres()) {
            assertRefused(() -> jdbc.sql("TRUNCATE cd_evidence").update());
            assertRefused(() -> jdbc.sql("TRUNCATE cd_evidence_chain CASCADE").update());
        }

        assertThat(evidence.forCase(caseId)).hasSize(5);
        assertThat(evidence.forCase(caseId).get(2)).isEqualTo(third);
        assertValid(caseId, 5);
    }

    // ------------------------------------------------------------------------------------------------- helpers

    /** Five items of a new case, the way a case's evidence grows. */
    private String chainOfFive() {
        String caseId = UUID.randomUUID().toString();
        evidence.preserve(caseId, "complaint", "complaint", "{\"text\":\"The mug arrived broken.\"}", "ana", AT);
        evidence.preserve(
                caseId, "inbound", "inbound:d-1", "{\"payload\":\"comment\"}", "channel:instagram", AT.plusMinutes(1));
        evidence.preserve(caseId, "conversation", "Customer: the box was crushed.", "ana", AT.plusMinutes(2));
        evidence.preserve(caseId, "order", "{\"orderId\":\"ord-1\"}", "ana", AT.plusMinutes(3));
        evidence.preserve(caseId, "outbound", "outbound:m-1", "{\"text\":\"We are sorry.\"}", null, AT.plusMinutes(4));
        assertValid(caseId, 5);
        return caseId;
    }

    private EvidenceTampering tampering() {
        return new EvidenceTampering(jdbc, transactions);
    }

    private EvidenceVerification verify(String caseId) {
        return evidence.check(caseId, OffsetDateTime.now()).verification();
    }

    private List<ChainCheck.ItemState> states(String caseId) {
        return evidence.check(caseId, OffsetDateTime.now()).items().stream()
                .map(ChainCheck.CheckedItem::state)
                .toList();
    }

    private void assertValid(String caseId, int items) {
        EvidenceVerification verification = verify(caseId);
        assertThat(verification.valid()).as(verification.reason()).isTrue();
        assertThat(verification.items()).isEqualTo(items);
        assertThat(verification.firstBrokenSeq()).isNull();
        assertThat(states(caseId)).containsOnly(ChainCheck.ItemState.VERIFIED);
    }

    private static void assertRefused(Runnable statement) {
        // PostgreSQL: the trigger, or for a table owner that is no superuser already the revoked privilege
        assertThatThrownBy(statement::run)
                .isInstanceOf(DataAccessException.class)
                .hasMessageMatching("(?s).*(append-only|only advances|permission denied).*");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
