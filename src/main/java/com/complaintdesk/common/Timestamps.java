package com.complaintdesk.common;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Times as the application hands them out: in UTC, whatever offset the database read them back with. */
public final class Timestamps {

    private Timestamps() {}

    public static OffsetDateTime utc(OffsetDateTime time) {
        return time == null ? null : time.withOffsetSameInstant(ZoneOffset.UTC);
    }
}
