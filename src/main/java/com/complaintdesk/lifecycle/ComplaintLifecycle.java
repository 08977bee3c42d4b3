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
        public static final String START_SLA_CLOCKS = "Task_StartSlaClocks";
        public static final String RESOLVE_CASE = "SubProcess_ResolveCase";
        public static final String RESOLUTION_DUE = "Timer_ResolutionDue";
        public static final String RESOLUTION_SECOND_BREACH = "Timer_ResolutionSecondBreach";
        public static final String HANDLE_RESOLUTION_BREACH = "Task_HandleResolutionBreach";
        public static final String HANDLE_RESOLUTION_SECOND_BREACH = "Task_HandleResolutionSecondBreach";

        // first response (P1–P6) with the first-response clock
        public static final String FIRST_RESPONSE = "SubProcess_FirstResponse";
        public static final String FIRST_RESPONSE_DUE = "Timer_FirstResponseDue";
        public static final String FIRST_RESPONSE_SECOND_BREACH = "Timer_FirstResponseSecondBreach";
        public static final String HANDLE_FIRST_RESPONSE_BREACH = "Task_HandleFirstResponseBreach";
        public static final String HANDLE_FIRST_RESPONSE_SECOND_BREACH = "Task_HandleFirstResponseSecondBreach";
        public static final String CONFIRM_TRIAGE = "Task_ConfirmTriage";
        public static final String APPLY_CONFIRMED_TRIAGE = "Task_ApplyConfirmedTriage";
        public static final String GATEWAY_CRISIS = "Gateway_IsCrisis";
        public static final String DECLARE_CRISIS = "Event_DeclareCrisis";
        public static final String CHOOSE_REPLY_TEMPLATES = "Task_ChooseReplyTemplates";
        public static final String DRAFT_REPLY = "Task_DraftReply";
        public static final String CHECK_REPLY_RED_LINES = "Task_CheckReplyRedLines";
        public static final String APPROVE_REPLY = "Task_ApproveReply";
        public static final String PUBLISH_REPLY = "Task_PublishReply";
        public static final String END_FIRST_RESPONSE_GIVEN = "End_FirstResponseGiven";

        // private follow-up (F1–F7)
        public static final String FOLLOW_UP = "SubProcess_FollowUp";
        public static final String PREPARE_FOLLOW_UP = "Task_PrepareFollowUp";
        public static final String PLAN_CONTACT_TIME = "Task_PlanContactTime";
        public static final String WAIT_FOR_CUSTOMER_DAYTIME = "Timer_WaitForCustomerDaytime";
        public static final String CONTACT_CUSTOMER = "Task_ContactCustomer";
        public static final String SEND_FOLLOW_UP_MESSAGE = "Task_SendFollowUpMessage";

        // compensation (C1–C4)
        public static final String COMPENSATION = "SubProcess_Compensation";
        public static final String SUGGEST_COMPENSATION = "Task_SuggestCompensation";
        public static final String OFFER_COMPENSATION = "Task_OfferCompensation";
        public static final String SEND_COMPENSATION_OFFER = "Task_SendCompensationOffer";
        public static final String RECORD_CUSTOMER_CHOICE = "Task_RecordCustomerChoice";
        public static final String CUSTOMER_CHOICE_REMINDER = "Timer_CustomerChoiceReminder";
        public static final String SEND_CHOICE_REMINDER = "Task_SendChoiceReminder";
        public static final String APPROVE_COMPENSATION = "Task_ApproveCompensation";
        public static final String EXECUTE_COMPENSATION = "Task_ExecuteCompensation";
        public static final String END_COMPENSATION_SETTLED = "End_CompensationSettled";

        // extortion-reviewer defence (E1–E6)
        public static final String ASSESS_EXTORTION_RISK = "Task_AssessExtortionRisk";
        public static final String REASSESS_EXTORTION_RISK = "Task_ReassessExtortionRisk";
        public static final String GATEWAY_EXTORTION_SUSPECTED = "Gateway_ExtortionSuspected";
        public static final String PRESERVE_EXTORTION_EVIDENCE = "Task_PreserveExtortionEvidence";
        public static final String REVIEW_EXTORTION_RISK = "Task_ReviewExtortionRisk";
        public static final String APPLY_EXTORTION_REVIEW = "Task_ApplyExtortionReview";
        public static final String GATEWAY_REPORT_TO_PLATFORM = "Gateway_ReportToPlatform";
        public static final String REPORT_TO_PLATFORM = "Task_ReportToPlatform";
        public static final String GATEWAY_EXTORTION_CHECKED = "Gateway_ExtortionChecked";

        public static final String CONFIRM_RESOLUTION = "Task_ConfirmResolution";
        public static final String RECORD_RESOLUTION = "Task_RecordResolution";

        // review update request (R1–R5)
        public static final String GATEWAY_ASK_FOR_REVIEW_UPDATE = "Gateway_AskForReviewUpdate";
        public static final String PLAN_REVIEW_REQUEST = "Task_PlanReviewRequest";
        public static final String REVIEW_REQUEST_COOL_OFF = "Timer_ReviewRequestCoolOff";
        public static final String CHOOSE_REVIEW_INSTRUCTIONS = "Task_ChooseReviewInstructions";
        public static final String SEND_REVIEW_UPDATE_REQUEST = "Task_SendReviewUpdateRequest";
        public static final String RECORD_REVIEW_OUTCOME = "Task_RecordReviewOutcome";
        public static final String REVIEW_OUTCOME_RECEIVED = "Message_ReviewOutcomeReceived";
        public static final String REVIEW_OUTCOME_TIMEOUT = "Timer_ReviewOutcomeTimeout";

        // closure (A1, A4)
        public static final String CLOSE_CASE = "Task_CloseCase";
        public static final String RECORD_CLOSURE = "Task_RecordClosure";
        public static final String HOLD_RETROSPECTIVE = "Task_HoldRetrospective";
        public static final String RECORD_RETROSPECTIVE = "Task_RecordRetrospective";
        public static final String END_CASE_CLOSED = "End_CaseClosed";

        // re-tier (T6)
        public static final String RETIER_RECEIVED = "Start_RetierReceived";
        public static final String APPLY_RETIER = "Task_ApplyRetier";
        public static final String DECLARE_RETIERED_CRISIS = "Event_DeclareRetieredCrisis";

        /** The SLA timers a re-tier moves (T6). */
        public static final java.util.List<String> SLA_TIMERS = java.util.List.of(
                FIRST_RESPONSE_DUE, FIRST_RESPONSE_SECOND_BREACH, RESOLUTION_DUE, RESOLUTION_SECOND_BREACH);

        private Activity() {}
    }

    /** Message names the application correlates into the process. */
    public static final class Message {
        /** T6: the case is re-tiered while it is open (e.g. a T3 comment goes viral). */
        public static final String RETIER = "Message_Retier";
        /** T1: starts the crisis response ({@code complaint-crisis}) for the case. */
        public static final String CRISIS_DECLARED = "Message_CrisisDeclared";
        /** R3: the channel reports what the customer did with the review (reviewOutcome: updated or declined). */
        public static final String REVIEW_OUTCOME = "Message_ReviewOutcome";

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
        /** T6: when an engagement update raises the tier of an open case (a post going viral); FIRST, never lowers. */
        public static final String VIRAL_THRESHOLDS = "viral-thresholds";
        /** E1–E5: the extortion signals and their points; COLLECT, summed into the case's score. */
        public static final String EXTORTION_RISK = "extortion-risk";

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
        /** True where the channel has a public surface (instagram, ebay, wechat): the reply is public, the review revisable. */
        public static final String PUBLIC_SURFACE = "publicSurface";
        /** E5: the shipping address's ISO 3166 country, and whether the platform or carrier flags it as remote. */
        public static final String SHIPPING_COUNTRY = "shippingCountry";

        public static final String SHIPPING_REMOTE = "shippingRemote";
        /** E3: when the shop opened (java.util.Date, start of the day in UTC) and its ISO 3166 country. */
        public static final String SHOP_OPENED_ON = "shopOpenedOn";

        public static final String SHOP_COUNTRY = "shopCountry";

        // extortion-reviewer defence (E1–E6)
        /** The points of the extortion-risk rules that fired, summed. */
        public static final String EXTORTION_SCORE = "extortionScore";
        /** Comma-separated ids of the extortion signals that fired, e.g. "E1,E2,E4". */
        public static final String EXTORTION_SIGNALS = "extortionSignals";
        /** The signals that fired with their reasons, one per line, for the supervisor to read. */
        public static final String EXTORTION_REASONS = "extortionReasons";
        /** E2: the phrases in the customer's words that push to continue off the platform. */
        public static final String OFF_PLATFORM_PHRASES = "offPlatformPhrases";
        /** The score at or above which a supervisor reviews the case before any compensation. */
        public static final String EXTORTION_THRESHOLD = "extortionThreshold";

        public static final String EXTORTION_SUSPECTED = "extortionSuspected";
        /** The supervisor's decision on a suspected case: guard (E6 path) or clear (normal compensation). */
        public static final String EXTORTION_REVIEW_DECISION = "extortionReviewDecision";

        public static final String EXTORTION_REVIEW_NOTE = "extortionReviewNote";
        /** E6: report the account to the platform through the channel port. */
        public static final String REPORT_TO_PLATFORM = "reportToPlatform";
        /** E6: the case is on the guarded path: compensation capped and approved, no review update request. */
        public static final String EXTORTION_GUARDED = "extortionGuarded";
        /** E6: the most a guarded case may be compensated: what the customer paid, nothing on top. */
        public static final String COMPENSATION_CAP = "compensationCap";

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

        public static final String FIRST_RESPONSE_SECOND_DUE_AT = "firstResponseSecondDueAt";
        public static final String RESOLUTION_SECOND_DUE_AT = "resolutionSecondDueAt";
        /** Candidate groups of the case's work: supervisors take a crisis over (T1), otherwise agents. */
        public static final String CASE_WORKERS = "caseWorkers";
        /** Shown on the escalation form: which clock was missed and when it was due. */
        public static final String BREACH_CLOCK = "breachClock";

        public static final String BREACH_DUE_AT = "breachDueAt";

        // crisis (T1, T5, X2–X4)
        public static final String CRISIS_DECLARED_AT = "crisisDeclaredAt";
        public static final String CRISIS_DECLARED_BY = "crisisDeclaredBy";
        public static final String CRISIS_REASON = "crisisReason";

        // first reply (P1–P6) and red lines (X3)
        public static final String REPLY_SURFACE = "replySurface";
        public static final String REPLY_APOLOGY = "replyApology";
        public static final String REPLY_CAUSE = "replyCause";
        public static final String REPLY_SOLUTION = "replySolution";
        public static final String REPLY_INVITATION = "replyInvitation";
        public static final String REPLY_DECISION = "replyDecision";
        public static final String REPLY_REVIEW_NOTE = "replyReviewNote";
        public static final String REPLY_TEXT = "replyText";
        public static final String REPLY_PUBLISHED_AT = "replyPublishedAt";
        /** Local input of a red-line check: the text to check. */
        public static final String RED_LINE_TEXT = "redLineText";

        public static final String RED_LINE_BLOCKED = "redLineBlocked";
        public static final String RED_LINE_WARNED = "redLineWarned";
        public static final String RED_LINE_REASONS = "redLineReasons";

        // private follow-up (F1–F7)
        public static final String OPENING_SCRIPT = "openingScript";
        public static final String FOLLOW_UP_FINDINGS = "followUpFindings";
        public static final String ROOT_CAUSE = "rootCause";
        public static final String CUSTOMER_TYPE = "customerType";
        public static final String CONTACT_CHANNEL = "contactChannel";
        public static final String RESOLUTION_STEPS = "resolutionSteps";
        public static final String CONTACT_AT = "contactAt";
        public static final String WAIT_FOR_CUSTOMER_DAYTIME = "waitForCustomerDaytime";
        public static final String CUSTOMER_LOCAL_TIME = "customerLocalTime";
        public static final String FOLLOW_UP_MESSAGE = "followUpMessage";
        public static final String CONTACT_OUTCOME = "contactOutcome";
        public static final String CONTACT_SUMMARY = "contactSummary";

        // compensation (C1–C4, E6)
        public static final String COMPENSATION_OPTION_1 = "compensationOption1";
        public static final String COMPENSATION_OPTION_2 = "compensationOption2";
        public static final String COMPENSATION_OPTION_3 = "compensationOption3";
        public static final String APPROVAL_LIMIT = "approvalLimit";
        public static final String OFFER_MESSAGE = "offerMessage";
        public static final String CHOSEN_COMPENSATION = "chosenCompensation";
        public static final String COMPENSATION_AMOUNT = "compensationAmount";
        public static final String CHOICE_NOTE = "choiceNote";
        public static final String COMPENSATION_DECISION = "compensationDecision";
        public static final String COMPENSATION_REVIEW_NOTE = "compensationReviewNote";
        /** C2: the id of the offer sent last; only its link chooses (the choice page). */
        public static final String CHOICE_OFFER_ID = "choiceOfferId";
        /** C2: java.util.Date after which the offer's link no longer chooses. */
        public static final String CHOICE_LINK_EXPIRES_AT = "choiceLinkExpiresAt";
        /** C2: who recorded the choice: {@code customer} on the choice page, or {@code agent} in Tasklist. */
        public static final String CHOICE_SOURCE = "choiceSource";
        /** C2: what the agent reckons each option costs (optional); a choice on the page records that amount. */
        public static final String COMPENSATION_AMOUNT_1 = "compensationAmount1";

        public static final String COMPENSATION_AMOUNT_2 = "compensationAmount2";
        public static final String COMPENSATION_AMOUNT_3 = "compensationAmount3";

        // resolution, review update request (R1–R5), closure (A1, A4)
        public static final String PROBLEM_RESOLVED = "problemResolved";
        public static final String CUSTOMER_SATISFIED = "customerSatisfied";
        public static final String RESOLUTION_SUMMARY = "resolutionSummary";
        public static final String REVIEW_REQUEST_AT = "reviewRequestAt";
        public static final String REVIEW_REQUEST_TEXT = "reviewRequestText";
        public static final String REVIEW_UPDATE_REQUESTED_AT = "reviewUpdateRequestedAt";
        public static final String REVIEW_OUTCOME = "reviewOutcome";
        /** R3: the latest text of the customer's public comment after they edited it on the platform. */
        public static final String COMMENT_EDITED_TEXT = "commentEditedText";

        public static final String CUSTOMER_SATISFACTION = "customerSatisfaction";
        public static final String RETROSPECTIVE_CAUSE = "retrospectiveCause";
        public static final String RETROSPECTIVE_FINDINGS = "retrospectiveFindings";
        public static final String RETROSPECTIVE_ACTION = "retrospectiveAction";
        public static final String TRAINING_CASE = "trainingCase";

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

        public static final java.util.List<String> ALL = java.util.List.of(
                SAFETY,
                FRAUD,
                QUALITY,
                SHIPPING_DELAY,
                PACKAGING_DAMAGE,
                SERVICE_ATTITUDE,
                PRODUCT_MISUNDERSTANDING,
                SUGGESTION,
                OTHER);

        private Category() {}
    }

    /** Form keys (the "id" of the Camunda Forms in forms/). */
    public static final class Form {
        public static final String CONFIRM_TRIAGE = "confirm-triage";
        public static final String SLA_BREACH = "sla-breach";
        public static final String DRAFT_REPLY = "draft-reply";
        public static final String CONTACT_CUSTOMER = "contact-customer";
        public static final String OFFER_COMPENSATION = "offer-compensation";
        public static final String RECORD_CUSTOMER_CHOICE = "record-customer-choice";
        public static final String REVIEW_EXTORTION_RISK = "review-extortion-risk";

        private Form() {}
    }

    /** The SLA clocks (T1–T4) as recorded in the case's clock events. */
    public static final class Clock {
        public static final String FIRST_RESPONSE = "first_response";
        public static final String RESOLUTION = "resolution";

        private Clock() {}
    }
}
