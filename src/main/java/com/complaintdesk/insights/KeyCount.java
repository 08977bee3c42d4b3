package com.complaintdesk.insights;

/** How many cases (or events) one tier, channel or root cause had in a period. */
public record KeyCount(String key, long count) {}
