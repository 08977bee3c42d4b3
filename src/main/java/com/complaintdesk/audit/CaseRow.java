package com.complaintdesk.audit;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A case as an auditor reads it in a search result or an export: the case record ({@code cd_complaint}) as intake
 * and the lifecycle keep it. Times are UTC.
 */
public record CaseRow(
        String caseId,
        String channel,
        String externalId,
        String businessKey,
        OffsetDateTime postedAt,
        OffsetDateTime receivedAt,
        String receivedBy,
        String language,
        String customerId,
        String customerName,
        String orderId,
        String text,
        String tier,
        String category,
        String status,
        boolean slaBreached,
        OffsetDateTime firstRespondedAt,
        OffsetDateTime resolvedAt,
        OffsetDateTime closedAt,
        String rootCause,
        String resolutionSummary,
        String satisfaction,
        String compensation,
        BigDecimal compensationAmount,
        boolean compensationGiven,
        String reviewOutcome,
        String processInstanceId) {

    /** The CSV columns of an export, in this order: the field names above. */
    static final List<String> COLUMNS = List.of(
            "caseId",
            "channel",
            "externalId",
            "businessKey",
            "postedAt",
            "receivedAt",
            "receivedBy",
            "language",
            "customerId",
            "customerName",
            "orderId",
            "text",
            "tier",
            "category",
            "status",
            "slaBreached",
            "firstRespondedAt",
            "resolvedAt",
            "closedAt",
            "rootCause",
            "resolutionSummary",
            "satisfaction",
            "compensation",
            "compensationAmount",
            "compensationGiven",
            "reviewOutcome",
            "processInstanceId");

    /** The values of {@link #COLUMNS}, in the same order. */
    List<Object> values() {
        return java.util.Arrays.asList(
                caseId,
                channel,
                externalId,
                businessKey,
                postedAt,
                receivedAt,
                receivedBy,
                language,
                customerId,
                customerName,
                orderId,
                text,
                tier,
                category,
                status,
                slaBreached,
                firstRespondedAt,
                resolvedAt,
                closedAt,
                rootCause,
                resolutionSummary,
                satisfaction,
                compensation,
                compensationAmount,
                compensationGiven,
                reviewOutcome,
                processInstanceId);
    }
}
