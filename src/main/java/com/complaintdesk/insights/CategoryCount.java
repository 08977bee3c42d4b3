package com.complaintdesk.insights;

/** How many cases of one category a period had. */
public record CategoryCount(String category, long cases) {}
