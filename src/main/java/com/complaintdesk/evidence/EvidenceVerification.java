package com.complaintdesk.evidence;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;

/**
 * The outcome of recomputing a case's evidence chain (X4, E6): whether every item's hash matches its fields and
 * links to the item before it and the chain ends where its head says; otherwise the first broken link, by seq
 * (and id, when that item is still there: a missing item has none), and why.
 *
 * @param items how many items were checked
 * @param lastSha256 the chain's last hash as its head records it: an auditor who kept it from an earlier check can
 *     tell whether the chain was rewritten as a whole since
 * @param purgedAt when the retention purge removed the items (the chain is then valid and empty)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EvidenceVerification(
        String caseId,
        int items,
        boolean valid,
        Integer firstBrokenSeq,
        String firstBrokenId,
        String reason,
        String lastSha256,
        OffsetDateTime purgedAt,
        OffsetDateTime verifiedAt) {}
