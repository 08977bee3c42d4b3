package com.complaintdesk.evidence;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A case's evidence chain recomputed (X4, E6): the verdict, and each item with its own state. The checks, in the
 * order of the chain: each item's SHA-256 recomputed from its fields ({@link EvidenceHash}: a changed content, time,
 * author or seq shows here), its seq following the one before (a removed item leaves a gap), its previous hash being
 * the hash of the item before (a removed, inserted or reordered item breaks it), hash formats never going back from
 * 2 to 1, and finally the last item being the one the chain's head records (a removed last item).
 */
public record ChainCheck(EvidenceVerification verification, List<CheckedItem> items) {

    /** How an item fared. */
    public enum ItemState {
        /** Its hash matches its fields, it links to the item before it, and every item before it is verified. */
        VERIFIED,
        /** Its hash does not match its fields: it was changed after it was preserved. */
        ALTERED,
        /** Its hash matches, but it does not follow the item before it (a gap, a reordering) or the chain's head. */
        UNLINKED,
        /** Its hash and link are fine, but the chain is broken before it, so its place in the chain is not proven. */
        AFTER_BREAK;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** An item and its state; {@code problem} says what is wrong with it, if anything. */
    public record CheckedItem(EvidenceItem item, ItemState state, String problem) {}

    private record Break(Integer seq, String id, String reason) {}

    /** Checks the items (in seq order) against each other and the head ({@code null} when the case has none). */
    public static ChainCheck of(String caseId, List<EvidenceItem> items, ChainHead head, OffsetDateTime at) {
        List<CheckedItem> checked = new ArrayList<>();
        Break first = null;
        int expectedSeq = 1;
        String expectedPrevious = null;
        int lastVersion = EvidenceHash.V1;
        for (EvidenceItem item : items) {
            boolean knownVersion = item.hashVersion() == EvidenceHash.V1 || item.hashVersion() == EvidenceHash.V2;
            boolean hashMatches = knownVersion && EvidenceHash.of(item).equals(item.sha256());
            boolean follows = item.seq() == expectedSeq;
            boolean linked = Objects.equals(item.previousSha256(), expectedPrevious);
            String problem;
            ItemState state = ItemState.ALTERED;
            if (!knownVersion) {
                problem = "its hash format " + item.hashVersion() + " is unknown";
            } else if (!hashMatches) {
                problem = "its SHA-256 does not match its stored fields: it was changed after it was preserved";
            } else {
                state = ItemState.UNLINKED;
                if (!follows) {
                    problem = item.seq() > expectedSeq
                            ? missing(expectedSeq, item.seq())
                            : "it is out of order: item " + expectedSeq + " was expected here";
                } else if (!linked) {
                    problem = expectedPrevious == null
                            ? "it is the first item but names a previous hash"
                            : "its previous hash is not the hash of item " + (expectedSeq - 1);
                } else if (item.hashVersion() < lastVersion) {
                    problem = "it is hashed with format " + item.hashVersion() + " after an item hashed with format "
                            + lastVersion;
                } else {
                    problem = null;
                    state = first == null ? ItemState.VERIFIED : ItemState.AFTER_BREAK;
                }
            }
            if (problem != null && first == null) {
                first = !follows && item.seq() > expectedSeq
                        ? new Break(expectedSeq, null, missing(expectedSeq, item.seq()))
                        : new Break(item.seq(), item.id(), "item " + item.seq() + ": " + problem);
            }
            checked.add(new CheckedItem(item, state, problem));
            expectedSeq = item.seq() + 1;
            expectedPrevious = item.sha256();
            lastVersion = Math.max(lastVersion, item.hashVersion());
        }
        if (first == null) {
            first = againstHead(checked, head);
        }
        boolean valid = first == null;
        String reason = valid
                ? (head != null && head.purgedAt() != null
                        ? "the " + head.lastSeq() + " items were purged on " + head.purgedAt()
                                + " after the retention period"
                        : items.isEmpty()
                                ? "no evidence preserved for this case"
                                : "all " + items.size() + " items verified")
                : first.reason();
        EvidenceVerification verification = new EvidenceVerification(
                caseId,
                items.size(),
                valid,
                valid ? null : first.seq(),
                valid ? null : first.id(),
                reason,
                head == null ? null : head.lastSha256(),
                head == null ? null : head.purgedAt(),
                at);
        return new ChainCheck(verification, List.copyOf(checked));
    }

    /** The end of the chain against its head; marks the items past the head as unlinked. */
    private static Break againstHead(List<CheckedItem> checked, ChainHead head) {
        if (head == null) {
            return checked.isEmpty()
                    ? null
                    : new Break(
                            null,
                            null,
                            "the chain has no head: its items were not preserved through the evidence store");
        }
        if (head.purgedAt() != null) {
            return checked.isEmpty()
                    ? null
                    : new Break(
                            checked.get(0).item().seq(),
                            checked.get(0).item().id(),
                            "items are present although the chain was purged on " + head.purgedAt());
        }
        EvidenceItem last =
                checked.isEmpty() ? null : checked.get(checked.size() - 1).item();
        int lastSeq = last == null ? 0 : last.seq();
        if (head.lastSeq() > lastSeq) {
            return new Break(
                    lastSeq + 1,
                    null,
                    (head.lastSeq() == lastSeq + 1
                                    ? "item " + head.lastSeq() + " is missing"
                                    : "items " + (lastSeq + 1) + " to " + head.lastSeq() + " are missing")
                            + ": the chain's head records " + head.lastSeq() + " items");
        }
        if (head.lastSeq() < lastSeq) {
            Break beyond = null;
            for (int i = 0; i < checked.size(); i++) {
                CheckedItem c = checked.get(i);
                if (c.item().seq() > head.lastSeq()) {
                    String problem = "it is past the chain's head, which records " + head.lastSeq()
                            + " items: it was not preserved through the evidence store";
                    checked.set(i, new CheckedItem(c.item(), ItemState.UNLINKED, problem));
                    if (beyond == null) {
                        beyond = new Break(
                                c.item().seq(),
                                c.item().id(),
                                "item " + c.item().seq() + ": " + problem);
                    }
                }
            }
            return beyond;
        }
        if (last != null && !Objects.equals(head.lastSha256(), last.sha256())) {
            checked.set(
                    checked.size() - 1,
                    new CheckedItem(
                            last, ItemState.UNLINKED, "the chain's head records another hash for the last item"));
            return new Break(
                    last.seq(),
                    last.id(),
                    "item " + last.seq()
                            + ": the chain's head records another hash for the last item: it was replaced");
        }
        return null;
    }

    private static String missing(int from, int next) {
        String which = next - from == 1
                ? "item " + from + " is missing"
                : "items " + from + " to " + (next - 1) + " are missing";
        return which + ": item " + next + (from == 1 ? " starts the chain" : " follows item " + (from - 1));
    }
}
