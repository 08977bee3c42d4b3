package com.complaintdesk.triage;

import com.complaintdesk.lifecycle.ComplaintLifecycle.Category;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Tier;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The rules of an agent's triage confirmation: the tier must be T1, T2 or T3 and the category one of the
 * known keys; "escalate to crisis" makes the case T1 in one step, with no approval in between (T5). Pure.
 */
public final class TriageConfirmation {

    private TriageConfirmation() {}

    /** The problems of a confirmation, empty when it is valid. */
    public static List<String> problems(Object tier, Object category) {
        List<String> problems = new ArrayList<>();
        if (!(tier instanceof String t) || !Tier.ALL.contains(t)) {
            problems.add("Tier must be one of " + Tier.ALL + " but was " + describe(tier));
        }
        if (!(category instanceof String c) || !Category.ALL.contains(c)) {
            problems.add("Category must be one of " + Category.ALL + " but was " + describe(category));
        }
        return problems;
    }

    /** T5: escalating to crisis makes the case T1 whatever tier was chosen. */
    public static String effectiveTier(String confirmedTier, Object escalateToCrisis) {
        return Boolean.TRUE.equals(escalateToCrisis) ? Tier.CRISIS : confirmedTier;
    }

    /**
     * Throws when the tier is not T1–T3. {@link FormFieldValidationException} is the exception Camunda's REST
     * API answers with 400 when it reaches task completion unwrapped.
     */
    public static void requireValidTier(Object tier) {
        if (!(tier instanceof String t) || !Tier.ALL.contains(t)) {
            throw new FormFieldValidationException(
                    "tier", "Tier must be one of " + Tier.ALL + " but was " + describe(tier));
        }
    }

    private static String describe(Object value) {
        return value == null ? "missing" : "'" + value + "'";
    }
}
