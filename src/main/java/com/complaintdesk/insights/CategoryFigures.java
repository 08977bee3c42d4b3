package com.complaintdesk.insights;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A1: a category's cases in a period beside the period before, and what that says.
 *
 * @param frequent     among the period's three categories with most cases (ties by name), or at least 20 % of the
 *                     period's cases
 * @param newCategory  (JSON {@code new}) cases now, none in the previous period
 * @param improving    fewer cases than in the previous period (a category gone to none is improving)
 */
public record CategoryFigures(
        String category,
        long cases,
        long previousCases,
        boolean frequent,
        @JsonProperty("new") boolean newCategory,
        boolean improving) {

    /** How many of the period's top categories are frequent, whatever their share. */
    public static final int FREQUENT_TOP = 3;
    /** The share of the period's cases (percent) that makes any category frequent. */
    public static final int FREQUENT_SHARE_PERCENT = 20;
}
