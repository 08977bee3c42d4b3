package com.complaintdesk.channel.failure;

import java.util.Set;

/** The names code and tests share for {@code processes/delivery-failure.bpmn}. */
public final class DeliveryFailure {

    public static final String PROCESS_KEY = "delivery-failure";

    /** The steps that talk to a platform; a failed last retry of one of them starts a delivery failure. */
    public static final Set<String> OUTBOUND_STEPS = Set.of(
            "Task_PublishReply",
            "Task_SendFollowUpMessage",
            "Task_SendCompensationOffer",
            "Task_SendChoiceReminder",
            "Task_ExecuteCompensation",
            "Task_SendReviewUpdateRequest",
            "Task_PauseListing",
            "Task_PublishStatement");

    private DeliveryFailure() {}

    public static final class Activity {
        public static final String START = "Start_DeliveryFailed";
        public static final String HANDLE = "Task_HandleFailedDelivery";
        public static final String APPLY_DECISION = "Task_ApplyDeliveryDecision";
        public static final String END = "End_DeliveryFailureHandled";

        private Activity() {}
    }

    public static final class Var {
        public static final String FAILED_STEP = "failedStep";
        public static final String FAILED_ACTIVITY_ID = "failedActivityId";
        public static final String FAILED_PROCESS_INSTANCE_ID = "failedProcessInstanceId";
        public static final String JOB_ID = "failedJobId";
        public static final String DELIVERY_ERROR = "deliveryError";
        public static final String DECISION = "deliveryDecision";
        public static final String NOTE = "deliveryNote";
        public static final String RETRY = "retry";
        public static final String MANUAL = "manual";

        private Var() {}
    }
}
