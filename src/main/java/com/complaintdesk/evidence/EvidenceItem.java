package com.complaintdesk.evidence;

import java.time.OffsetDateTime;

/**
 * One preserved piece of a case's evidence (X4, E6): its place in the case's chain ({@code seq} from 1), what it
 * preserves ({@code kind}, and {@code sourceRef} for what is kept once per case, e.g. {@code inbound:<delivery id>}),
 * its content, and the SHA-256 that links it to the item before it, computed as {@link EvidenceHash} describes for
 * its {@code hashVersion}.
 */
public record EvidenceItem(
        String id,
        String caseId,
        int seq,
        String kind,
        String content,
        String sha256,
        String previousSha256,
        OffsetDateTime createdAt,
        String createdBy,
        int hashVersion,
        String sourceRef) {}
