package com.complaintdesk.channel;

/** What an outbound message or platform action is for, by the playbook stage that sends it. */
public enum MessageKind {
    /** P1–P6: the public reply under the complaint. */
    REPLY,
    /** T1, X2, X3: the approved official statement in a crisis. */
    STATEMENT,
    /** F1, F5, F7: private contact with the customer. */
    PRIVATE_MESSAGE,
    /** C2: the two or three compensation options offered. */
    COMPENSATION_OFFER,
    /** F7: a follow-up until the resolution is done. */
    REMINDER,
    /** R2, R3: the one request to update the review. */
    REVIEW_REQUEST,
    /** T1, X2: pausing a listing or campaign on the platform. */
    PAUSE_LISTING,
    /** C4: carrying out the chosen compensation on the platform (refund, reshipment, coupon). */
    REMEDY,
    /** E6: reporting a suspected extortion account to the platform; no platform offers an API for it. */
    REPORT_TO_PLATFORM
}
