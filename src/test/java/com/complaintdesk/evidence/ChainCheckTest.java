package com.complaintdesk.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.evidence.ChainCheck.ItemState;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The chain's verification on its own (X4): every way a chain can be broken, and the legacy hash format. */
class ChainCheckTest {

    private static final String CASE = "case-1";
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T01:15:00Z");

    @Test
    void aCaseWithoutEvidenceIsValid() {
        EvidenceVerification verification =
                ChainCheck.of(CASE, List.of(), null, AT).verification();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.items()).isZero();
        assertThat(verification.reason()).isEqualTo("no evidence preserved for this case");
    }

    @Test
    void anUntouchedChainIsValidAndNamesItsLastHash() {
        List<EvidenceItem> items = chain(3, EvidenceHash.V2);

        ChainCheck check = ChainCheck.of(CASE, items, head(items), AT);

        assertThat(check.verification().valid()).isTrue();
        assertThat(check.verification().reason()).isEqualTo("all 3 items verified");
        assertThat(check.verification().lastSha256()).isEqualTo(items.get(2).sha256());
        assertThat(check.items()).extracting(ChainCheck.CheckedItem::state).containsOnly(ItemState.VERIFIED);
    }

    @Test
    void itemsOfTheFormerHashFormatStillVerifyBeforeItemsOfTheCurrentOne() {
        List<EvidenceItem> items = chain(2, EvidenceHash.V1);
        items.add(next(items, EvidenceHash.V2, "after the upgrade"));

        assertThat(ChainCheck.of(CASE, items, head(items), AT).verification().valid())
                .isTrue();
    }

    @Test
    void anItemOfTheFormerFormatAfterOneOfTheCurrentFormatIsABreak() {
        List<EvidenceItem> items = chain(2, EvidenceHash.V2);
        items.add(next(items, EvidenceHash.V1, "downgraded"));

        EvidenceVerification verification =
                ChainCheck.of(CASE, items, head(items), AT).verification();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.firstBrokenSeq()).isEqualTo(3);
        assertThat(verification.reason()).contains("format 1 after an item hashed with format 2");
    }

    @Test
    void aChangedHashFormatVersionIsAnAlteredItem() {
        List<EvidenceItem> items = chain(3, EvidenceHash.V2);
        EvidenceItem second = items.get(1);
        items.set(1, with(second, second.content(), 1));

        EvidenceVerification verification =
                ChainCheck.of(CASE, items, head(items), AT).verification();

        assertThat(verification.firstBrokenSeq()).isEqualTo(2);
        assertThat(verification.firstBrokenId()).isEqualTo(second.id());
    }

    @Test
    void aGapOfSeveralItemsNamesTheFirstMissingOne() {
        List<EvidenceItem> items = chain(5, EvidenceHash.V2);
        ChainHead head = head(items);
        items.remove(2);
        items.remove(1);

        EvidenceVerification verification = ChainCheck.of(CASE, items, head, AT).verification();

        assertThat(verification.firstBrokenSeq()).isEqualTo(2);
        assertThat(verification.firstBrokenId()).isNull();
        assertThat(verification.reason()).isEqualTo("items 2 to 3 are missing: item 4 follows item 1");
    }

    @Test
    void aMissingFirstItemIsNamed() {
        List<EvidenceItem> items = chain(3, EvidenceHash.V2);
        ChainHead head = head(items);
        items.remove(0);

        EvidenceVerification verification = ChainCheck.of(CASE, items, head, AT).verification();

        assertThat(verification.firstBrokenSeq()).isEqualTo(1);
        assertThat(verification.reason()).isEqualTo("item 1 is missing: item 2 starts the chain");
    }

    @Test
    void severalMissingLastItemsAreNamedThroughTheHead() {
        List<EvidenceItem> items = chain(5, EvidenceHash.V2);
        ChainHead head = head(items);

        EvidenceVerification verification =
                ChainCheck.of(CASE, items.subList(0, 3), head, AT).verification();

        assertThat(verification.firstBrokenSeq()).isEqualTo(4);
        assertThat(verification.reason()).isEqualTo("items 4 to 5 are missing: the chain's head records 5 items");
    }

    @Test
    void anItemAddedPastTheHeadIsUnlinked() {
        List<EvidenceItem> items = chain(3, EvidenceHash.V2);
        ChainHead head = head(items);
        items.add(next(items, EvidenceHash.V2, "slipped in"));

        ChainCheck check = ChainCheck.of(CASE, items, head, AT);

        assertThat(check.verification().firstBrokenSeq()).isEqualTo(4);
        assertThat(check.verification().firstBrokenId()).isEqualTo(items.get(3).id());
        assertThat(check.items())
                .extracting(ChainCheck.CheckedItem::state)
                .containsExactly(ItemState.VERIFIED, ItemState.VERIFIED, ItemState.VERIFIED, ItemState.UNLINKED);
    }

    @Test
    void aLastItemReplacedWithAFreshlyHashedOneDisagreesWithTheHead() {
        List<EvidenceItem> items = chain(3, EvidenceHash.V2);
        ChainHead head = head(items);
        EvidenceItem last = items.remove(2);
        items.add(hashed(new EvidenceItem(
                UUID.randomUUID().toString(),
                CASE,
                3,
                last.kind(),
                "a kinder version",
                null,
                last.previousSha256(),
                last.createdAt(),
                last.createdBy(),
                EvidenceHash.V2,
                null)));

        EvidenceVerification verification = ChainCheck.of(CASE, items, head, AT).verification();

        assertThat(verification.firstBrokenSeq()).isEqualTo(3);
        assertThat(verification.reason()).contains("head records another hash");
    }

    @Test
    void aFirstItemThatNamesAPreviousHashIsUnlinked() {
        List<EvidenceItem> items = chain(2, EvidenceHash.V2);
        EvidenceItem first = items.get(0);
        items.set(
                0,
                hashed(new EvidenceItem(
                        first.id(),
                        CASE,
                        1,
                        first.kind(),
                        first.content(),
                        null,
                        "ab".repeat(32),
                        first.createdAt(),
                        first.createdBy(),
                        EvidenceHash.V2,
                        null)));

        EvidenceVerification verification =
                ChainCheck.of(CASE, items, head(items), AT).verification();

        assertThat(verification.firstBrokenSeq()).isEqualTo(1);
        assertThat(verification.reason()).contains("first item but names a previous hash");
    }

    @Test
    void aPurgedChainIsValidAndEmpty() {
        OffsetDateTime purgedAt = AT.plusYears(7);
        ChainHead head = new ChainHead(CASE, 4, "cd".repeat(32), purgedAt);

        EvidenceVerification verification =
                ChainCheck.of(CASE, List.of(), head, AT).verification();

        assertThat(verification.valid()).isTrue();
        assertThat(verification.purgedAt()).isEqualTo(purgedAt);
        assertThat(verification.reason()).contains("the 4 items were purged");
    }

    @Test
    void itemsWithoutAHeadWereNotPreservedThroughTheStore() {
        EvidenceVerification verification =
                ChainCheck.of(CASE, chain(2, EvidenceHash.V2), null, AT).verification();

        assertThat(verification.valid()).isFalse();
        assertThat(verification.reason()).contains("no head");
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private static List<EvidenceItem> chain(int size, int version) {
        List<EvidenceItem> items = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            items.add(next(items, version, "item " + (i + 1)));
        }
        return items;
    }

    private static EvidenceItem next(List<EvidenceItem> items, int version, String content) {
        EvidenceItem previous = items.isEmpty() ? null : items.get(items.size() - 1);
        return hashed(new EvidenceItem(
                UUID.randomUUID().toString(),
                CASE,
                items.size() + 1,
                "note",
                content,
                null,
                previous == null ? null : previous.sha256(),
                AT.plusMinutes(items.size()),
                "ana",
                version,
                null));
    }

    private static EvidenceItem hashed(EvidenceItem item) {
        return new EvidenceItem(
                item.id(),
                item.caseId(),
                item.seq(),
                item.kind(),
                item.content(),
                EvidenceHash.of(item),
                item.previousSha256(),
                item.createdAt(),
                item.createdBy(),
                item.hashVersion(),
                item.sourceRef());
    }

    private static EvidenceItem with(EvidenceItem item, String content, int version) {
        return new EvidenceItem(
                item.id(),
                item.caseId(),
                item.seq(),
                item.kind(),
                content,
                item.sha256(),
                item.previousSha256(),
                item.createdAt(),
                item.createdBy(),
                version,
                item.sourceRef());
    }

    private static ChainHead head(List<EvidenceItem> items) {
        EvidenceItem last = items.get(items.size() - 1);
        return new ChainHead(CASE, last.seq(), last.sha256(), null);
    }
}
