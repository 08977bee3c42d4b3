package com.complaintdesk.sla;

/**
 * What the {@code sla-policy} decision says for a tier (T1–T4, X2): the two clocks and the delay before a second
 * escalation as ISO-8601 durations, who a missed deadline escalates to (first and second time), and who works
 * the case (supervisors take a crisis over).
 */
public record SlaPolicy(
        String tier,
        String firstResponseWithin,
        String resolutionWithin,
        String escalationGroups,
        String escalateAgainAfter,
        String secondEscalationGroups,
        String caseWorkers) {}
