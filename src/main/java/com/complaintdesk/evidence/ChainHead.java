package com.complaintdesk.evidence;

import java.time.OffsetDateTime;

/**
 * The head of a case's evidence chain ({@code cd_evidence_chain}): how many items were appended and the last one's
 * hash, so a removed last item shows; {@code purgedAt} once the retention purge removed the items.
 */
public record ChainHead(String caseId, int lastSeq, String lastSha256, OffsetDateTime purgedAt) {}
