package com.complaintdesk.closure;

import java.time.OffsetDateTime;

/** A4: the retrospective of a T1/T2 case as it was recorded: the cause, what was found and done, who held it and when. */
public record Retrospective(
        String caseId,
        String cause,
        String findings,
        String action,
        boolean trainingCase,
        String heldBy,
        OffsetDateTime heldAt) {}
