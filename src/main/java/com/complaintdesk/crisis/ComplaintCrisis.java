package com.complaintdesk.crisis;

/** The names code and tests share for {@code processes/complaint-crisis.bpmn} (T1, X2–X4). */
public final class ComplaintCrisis {

    public static final String PROCESS_KEY = "complaint-crisis";

    private ComplaintCrisis() {}

    /** Activity ids in the BPMN. */
    public static final class Activity {
        public static final String START = "Start_CrisisDeclared";
        public static final String TAKE_OVER = "Task_TakeOverCrisis";
        public static final String DECIDE_ON_PAUSE = "Task_DecideOnPause";
        public static final String PAUSE_LISTING = "Task_PauseListing";
        public static final String PRESERVE_EVIDENCE = "Task_PreserveEvidence";
        public static final String DRAFT_STATEMENT = "Task_DraftStatement";
        public static final String CHECK_STATEMENT_RED_LINES = "Task_CheckStatementRedLines";
        public static final String APPROVE_STATEMENT = "Task_ApproveStatement";
        public static final String PUBLISH_STATEMENT = "Task_PublishStatement";
        public static final String END = "End_CrisisHandled";

        private Activity() {}
    }

    /** Variable names of the crisis process (besides the case's, copied in when the crisis is declared). */
    public static final class Var {
        public static final String CRISIS_SUMMARY = "crisisSummary";
        public static final String PROPOSE_PAUSE = "proposePause";
        public static final String STATEMENT_NEEDED = "statementNeeded";
        public static final String PAUSE_DECISION = "pauseDecision";
        public static final String PAUSE_NOTE = "pauseNote";
        public static final String STATEMENT_TEXT = "statementText";
        public static final String STATEMENT_DECISION = "statementDecision";
        public static final String STATEMENT_REVIEW_NOTE = "statementReviewNote";

        private Var() {}
    }
}
