package com.complaintdesk.evidence;

import java.time.OffsetDateTime;

/** Nothing more is preserved for a case whose evidence was purged after its retention period. */
public class EvidencePurgedException extends IllegalStateException {

    public EvidencePurgedException(String caseId, OffsetDateTime purgedAt) {
        super("The evidence of case " + caseId + " was purged on " + purgedAt + " after its retention period");
    }
}
