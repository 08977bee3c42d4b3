package com.complaintdesk.intake;

import java.time.OffsetDateTime;
import java.util.Map;

/** A complaint case as the API returns it: the case id, its business key and where to work on it. */
public record ComplaintCase(
        String caseId,
        String businessKey,
        Channel channel,
        String externalId,
        OffsetDateTime postedAt,
        OffsetDateTime receivedAt,
        String receivedBy,
        String language,
        String customerId,
        String customerName,
        String text,
        String processInstanceId,
        Map<String, String> links) {

    /** The process business key of a complaint: its channel and the channel's own id. */
    public static String businessKey(Channel channel, String externalId) {
        return channel.key() + ":" + externalId;
    }
}
