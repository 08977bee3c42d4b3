package com.complaintdesk.channel;

/**
 * A platform's delivery ({@code cd_inbound_event}) turned out to concern a case: it opened the case, or brought
 * something new or repeated about it. Published each time that is found, also for a delivery handled again, so a
 * listener keeps it once per case (the evidence store, X4, E6).
 */
public record InboundEventLinked(String caseId, InboundEvents.Event event) {}
