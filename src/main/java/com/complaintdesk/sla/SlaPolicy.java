package com.complaintdesk.sla;

/**
 * What the {@code sla-policy} decision says for a tier: the two clocks as ISO-8601 durations, the candidate
 * groups a missed deadline escalates to, and how long after that first breach, and to whom, it escalates a
 * second time (T1–T4, X2).
 */
public record SlaPolicy(String tier, String firstResponseWithin, String resolutionWithin, String escalationGroups,
        String escalateAgainAfter, String secondEscalationGroups) {}
