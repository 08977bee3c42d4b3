package com.complaintdesk.sla;

/**
 * What the {@code sla-policy} decision says for a tier: the two clocks as ISO-8601 durations and the candidate
 * groups a missed deadline escalates to (T1–T4, X2).
 */
public record SlaPolicy(String tier, String firstResponseWithin, String resolutionWithin, String escalationGroups) {}
