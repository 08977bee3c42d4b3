package com.complaintdesk.insights;

/**
 * The names that code, BPMN, forms and tests share for {@code processes/complaint-insights.bpmn} (the period report
 * and the streak alert, A1–A2) and {@code processes/product-feedback-digest.bpmn} (A3). Change a name here and in the
 * BPMN together.
 */
public final class ComplaintInsights {

    /** Computes one period's report and raises the streak alert; called by the weekly and the monthly process. */
    public static final String PROCESS_KEY = "ComplaintInsights";
    /** Timer-started every Monday: the report of the week before. */
    public static final String WEEKLY_PROCESS_KEY = "WeeklyComplaintInsights";
    /** Timer-started on the 1st of every month: the report of the month before. */
    public static final String MONTHLY_PROCESS_KEY = "MonthlyComplaintInsights";
    /** Timer-started on the 1st of January, April, July and October: the digest of the quarter before. */
    public static final String DIGEST_PROCESS_KEY = "ProductFeedbackDigest";

    private ComplaintInsights() {}

    /** Activity, event and gateway ids in the BPMN. */
    public static final class Activity {
        public static final String WEEKLY_START = "Start_EveryMonday";
        public static final String CALL_WEEKLY_REPORT = "Call_WeeklyComplaintInsights";
        public static final String MONTHLY_START = "Start_EveryFirstOfMonth";
        public static final String CALL_MONTHLY_REPORT = "Call_MonthlyComplaintInsights";

        public static final String START = "Start_InsightsRequested";
        public static final String COMPUTE_PERIOD_REPORT = "Task_ComputePeriodReport";
        public static final String GATEWAY_NEW_SYSTEMIC_FIX = "Gateway_NewSystemicFix";
        public static final String DECIDE_SYSTEMIC_FIX = "Task_DecideSystemicFix";
        public static final String SYSTEMIC_FIX_REMINDER = "Timer_SystemicFixUndecided";
        public static final String REMIND_SYSTEMIC_FIX = "Task_RemindOwnersOfSystemicFix";
        public static final String RECORD_SYSTEMIC_FIX_DECISION = "Task_RecordSystemicFixDecision";
        public static final String END_SYSTEMIC_FIX_DECIDED = "End_SystemicFixDecided";
        public static final String END_NO_NEW_SYSTEMIC_FIX = "End_NoNewSystemicFix";

        public static final String DIGEST_START = "Start_EveryQuarter";
        public static final String COMPUTE_PRODUCT_DIGEST = "Task_ComputeProductDigest";
        public static final String REVIEW_PRODUCT_DIGEST = "Task_ReviewProductDigest";
        public static final String RECORD_DIGEST_REVIEW = "Task_RecordDigestReview";
        public static final String END_DIGEST_REVIEWED = "End_DigestReviewed";

        private Activity() {}
    }

    /** Process variable names. */
    public static final class Var {
        /** Input of ComplaintInsights: {@code WEEK} or {@code MONTH}. */
        public static final String GRANULARITY = "granularity";
        /** Optional input: the period to report, e.g. {@code 2026-W47} or {@code 2026-10}; default the last complete one. */
        public static final String PERIOD_LABEL = "periodLabel";
        /** The period reported, its cases and top category. */
        public static final String PERIOD = "period";

        public static final String PERIOD_CASES = "periodCases";
        public static final String TOP_CATEGORY = "topCategory";
        /** A2: a new streak opened a systemic-fix decision for the owners. */
        public static final String SYSTEMIC_FIX_NEEDED = "systemicFixNeeded";

        public static final String SYSTEMIC_FIX_ID = "systemicFixId";
        public static final String SYSTEMIC_FIX_CATEGORY = "systemicFixCategory";
        /** The periods of the streak with their counts, one per line. */
        public static final String SYSTEMIC_FIX_PERIODS = "systemicFixPeriods";
        /** Up to five example cases, one per line, each with the link to its case file. */
        public static final String SYSTEMIC_FIX_EXAMPLES = "systemicFixExamples";
        // the owners' decision (forms/decide-systemic-fix.form)
        public static final String SYSTEMIC_FIX_DECISION = "systemicFixDecision";
        public static final String SYSTEMIC_FIX_CHANGE = "systemicFixChange";
        public static final String SYSTEMIC_FIX_OWNER = "systemicFixOwner";
        public static final String SYSTEMIC_FIX_DUE_ON = "systemicFixDueOn";

        /** Optional input of the digest: the quarter, e.g. {@code 2026-Q3}; default the last complete one. */
        public static final String QUARTER = "quarter";

        public static final String DIGEST_CASES = "digestCases";
        /** The digest's counts, one per line, and the customers' words. */
        public static final String DIGEST_SUMMARY = "digestSummary";

        public static final String DIGEST_EXAMPLES = "digestExamples";
        // the product team's review (forms/review-product-digest.form)
        public static final String DIGEST_TAKEN_UP = "digestTakenUp";
        public static final String DIGEST_NOTES = "digestNotes";

        private Var() {}
    }

    /** Form keys (the "id" of the Camunda Forms in forms/). */
    public static final class Form {
        public static final String DECIDE_SYSTEMIC_FIX = "decide-systemic-fix";
        public static final String REVIEW_PRODUCT_DIGEST = "review-product-digest";

        private Form() {}
    }

    /** The owners' decisions on a systemic fix (A2). */
    public static final class Decision {
        public static final String CHANGE_PROCESS = "change_process";
        public static final String CHANGE_SUPPLIER_OR_PRODUCT = "change_supplier_or_product";
        public static final String ACCEPT_AND_MONITOR = "accept_and_monitor";

        public static final java.util.List<String> ALL =
                java.util.List.of(CHANGE_PROCESS, CHANGE_SUPPLIER_OR_PRODUCT, ACCEPT_AND_MONITOR);

        private Decision() {}
    }
}
