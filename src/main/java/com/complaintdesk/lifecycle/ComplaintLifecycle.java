package com.complaintdesk.lifecycle;

/**
 * The names that code, BPMN, DMN, forms and tests share for {@code processes/complaint-lifecycle.bpmn}:
 * the process key, the ids of its activities and the names of its variables. Change a name here and in the
 * BPMN together.
 */
public final class ComplaintLifecycle {

    public static final String PROCESS_KEY = "complaint-lifecycle";

    private ComplaintLifecycle() {}

    /** Activity, event and gateway ids in the BPMN. */
    public static final class Activity {
        public static final String START = "Start_ComplaintReceived";
        public static final String CLASSIFY_TEXT = "Task_ClassifyComplaintText";
        public static final String SUGGEST_TRIAGE = "Task_SuggestTriage";
        public static final String LOOK_UP_SLA_POLICY = "Task_LookUpSlaPolicy";
        public static final String START_FIRST_RESPONSE_CLOCK = "Task_StartFirstResponseClock";
        public static final String CONFIRM_TRIAGE = "Task_ConfirmTriage";
        public static final String FIRST_RESPONSE_DUE = "Timer_FirstResponseDue";
        public static final String HANDLE_FIRST_RESPONSE_BREACH = "Task_HandleFirstResponseBreach";
        public static final String APPLY_CONFIRMED_TRIAGE = "Task_ApplyConfirmedTriage";
        public static final String RETIER_RECEIVED = "Start_RetierReceived";
        public static final String APPLY_RETIER = "Task_ApplyRetier";
        public static final String GATEWAY_CRISIS = "Gateway_IsCrisis";
        public static final String END_TRIAGE_CONFIRMED = "End_TriageConfirmed";
        public static final String END_ESCALATED_TO_CRISIS = "End_EscalatedToCrisis";
        public static final String END_BREACH_HANDLED = "End_FirstResponseBreachHandled";

        private Activity() {}
    }

    /** Message names the application correlates into the process. */
    public static final class Message {
        /** T6: the case is re-tiered while it is open (e.g. a T3 comment goes viral). */
        public static final String RETIER = "Message_Retier";

        private Message() {}
    }

    /** Decision keys in {@code processes/decisions/}. */
    public static final class Decision {
        public static final String TRIAGE = "triage";
        public static final String SLA_POLICY = "sla-policy";
        /** X3, P5, R2: phrases a draft must not contain (block) or that legal must look at (warn); COLLECT. */
        public static final String RED_LINES = "red-lines";
        /** X1, P1–P4, F1: starting texts of the public reply and the private opening, per category and language. */
        public static final String REPLY_TEMPLATES = "reply-templates";
        /** C1–C4, E6: the compensation packages to offer and the agent's limit without approval. */
        public static final String COMPENSATION_OPTIONS = "compensation-options";
        /** R1–R4: the one review-update request with the channel's revision instructions. */
        public static final String REVIEW_REQUEST = "review-request";

        private Decision() {}
    }

    /** Process variable names. */
    public static final class Var {
        // the case as received (intake)
        public static final String CASE_ID = "caseId";
        public static final String CHANNEL = "channel";
        public static final String EXTERNAL_ID = "externalId";
        public static final String POSTED_AT = "postedAt";
        public static final String TEXT = "text";
        public static final String LANGUAGE = "language";
        public static final String CUSTOMER_ID = "customerId";
        public static final String CUSTOMER_NAME = "customerName";
        public static final String CUSTOMER_ACCOUNT_CREATED = "customerAccountCreated";
        public static final String CUSTOMER_TIMEZONE = "customerTimezone";
        public static final String CUSTOMER_LIFETIME_ORDERS = "customerLifetimeOrders";
        public static final String ORDER_ID = "orderId";
        public static final String ORDER_VALUE = "orderValue";
        public static final String ORDER_CURRENCY = "orderCurrency";
        public static final String PROMISED_DELIVERY = "promisedDelivery";
        public static final String SHIPPED_AT = "shippedAt";
        public static final String DELIVERED_AT = "deliveredAt";
        public static final String PRODUCT_SKU = "productSku";
        public static final String PRODUCT_TITLE = "productTitle";
        public static final String PRODUCT_PRICE = "productPrice";
        public static final String PRODUCT_FRAGILE = "productFragile";
        public static final String LIKES = "likes";
        public static final String SHARES = "shares";
        public static final String COMMENTS = "comments";

        // keyword classifier and derived triage inputs
        /** Comma-separated signal names found in the text, e.g. "safety,quality". */
        public static final String SIGNALS = "signals";
        /** The keywords that produced the signals, for the agent to see why. */
        public static final String MATCHED_KEYWORDS = "matchedKeywords";
        /** Shares plus comments per hour since the post (T6 virality). */
        public static final String ENGAGEMENT_PER_HOUR = "engagementPerHour";
        /** Whole days the delivery is (or was) later than promised; 0 when on time or unknown. */
        public static final String DAYS_LATE = "daysLate";

        // triage
        public static final String SUGGESTED_TIER = "suggestedTier";
        public static final String SUGGESTED_CATEGORY = "suggestedCategory";
        public static final String TIER = "tier";
        public static final String CATEGORY = "category";
        /** T5: the agent escalates straight to crisis from the triage form. */
        public static final String ESCALATE_TO_CRISIS = "escalateToCrisis";
        public static final String TRIAGE_NOTE = "triageNote";
        public static final String TRIAGED_BY = "triagedBy";
        /** T6: why the case was re-tiered. */
        public static final String RETIER_REASON = "retierReason";

        // SLA clocks
        /** ISO-8601 duration of the first-response clock for the tier, from the sla-policy decision. */
        public static final String FIRST_RESPONSE_WITHIN = "firstResponseWithin";
        /** ISO-8601 duration of the resolution clock for the tier, from the sla-policy decision. */
        public static final String RESOLUTION_WITHIN = "resolutionWithin";
        /** java.util.Date: postedAt plus firstResponseWithin; the timer fires at this instant. */
        public static final String FIRST_RESPONSE_DUE_AT = "firstResponseDueAt";
        public static final String RESOLUTION_DUE_AT = "resolutionDueAt";
        /** Candidate groups of an escalation task: supervisors, and owners as well for a crisis. */
        public static final String ESCALATION_GROUPS = "escalationGroups";
        /** ISO-8601 duration after the first breach at which a still unhandled breach escalates again (X2). */
        public static final String ESCALATE_AGAIN_AFTER = "escalateAgainAfter";
        /** Candidate groups of the second escalation: the owners, for every tier (X2). */
        public static final String SECOND_ESCALATION_GROUPS = "secondEscalationGroups";
        public static final String BREACH_NOTE = "breachNote";
        /** The tier the SLA clocks currently run for; a different confirmed or re-tiered tier restarts them (T6). */
        public static final String CLOCK_TIER = "clockTier";

        private Var() {}
    }

    /** The tiers of the playbook (T1–T3). */
    public static final class Tier {
        public static final String CRISIS = "T1";
        public static final String IMPORTANT = "T2";
        public static final String GENERAL = "T3";

        private Tier() {}

        public static final java.util.List<String> ALL = java.util.List.of(CRISIS, IMPORTANT, GENERAL);
    }

    /** The categories of a case (F3 root causes plus the crisis kinds of T1), as keys stored in {@link Var#CATEGORY}. */
    public static final class Category {
        public static final String SAFETY = "safety";
        public static final String FRAUD = "fraud";
        public static final String QUALITY = "quality";
        public static final String SHIPPING_DELAY = "shipping_delay";
        public static final String PACKAGING_DAMAGE = "packaging_damage";
        public static final String SERVICE_ATTITUDE = "service_attitude";
        public static final String PRODUCT_MISUNDERSTANDING = "product_misunderstanding";
        public static final String SUGGESTION = "suggestion";
        public static final String OTHER = "other";

        public static final java.util.List<String> ALL = java.util.List.of(SAFETY, FRAUD, QUALITY, SHIPPING_DELAY,
                PACKAGING_DAMAGE, SERVICE_ATTITUDE, PRODUCT_MISUNDERSTANDING, SUGGESTION, OTHER);

        private Category() {}
    }

    /** Form keys (the "id" of the Camunda Forms in forms/). */
    public static final class Form {
        public static final String CONFIRM_TRIAGE = "confirm-triage";
        public static final String FIRST_RESPONSE_BREACH = "first-response-breach";

        private Form() {}
    }
}
