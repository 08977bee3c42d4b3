package com.complaintdesk.lifecycle;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The lifecycle's waiting times and contact hours, read by the BPMN's timers as
 * {@code ${lifecycleSettings.…}}. Durations are ISO-8601 (PT48H, P14D).
 */
@Component
@ConfigurationProperties("complaintdesk.lifecycle")
public class LifecycleSettings {

    /** F6: the first local hour (0–23) at which a customer may be contacted. */
    private int contactHoursStart = 9;
    /** F6: the local hour from which contact waits for the next morning. */
    private int contactHoursEnd = 21;
    /** C2: when the customer has not chosen a compensation option after this long, one reminder is sent. */
    private String customerReminderAfter = "PT48H";
    /** R2, F6: how long after the resolution the review update request waits. */
    private String reviewRequestCoolOff = "PT24H";
    /** R4: how long the case waits for the review's outcome before it counts as no answer. */
    private String reviewOutcomeTimeout = "P14D";

    public int getContactHoursStart() {
        return contactHoursStart;
    }

    public void setContactHoursStart(int contactHoursStart) {
        this.contactHoursStart = contactHoursStart;
    }

    public int getContactHoursEnd() {
        return contactHoursEnd;
    }

    public void setContactHoursEnd(int contactHoursEnd) {
        this.contactHoursEnd = contactHoursEnd;
    }

    public String getCustomerReminderAfter() {
        return customerReminderAfter;
    }

    public void setCustomerReminderAfter(String customerReminderAfter) {
        this.customerReminderAfter = customerReminderAfter;
    }

    public String getReviewRequestCoolOff() {
        return reviewRequestCoolOff;
    }

    public void setReviewRequestCoolOff(String reviewRequestCoolOff) {
        this.reviewRequestCoolOff = reviewRequestCoolOff;
    }

    public String getReviewOutcomeTimeout() {
        return reviewOutcomeTimeout;
    }

    public void setReviewOutcomeTimeout(String reviewOutcomeTimeout) {
        this.reviewOutcomeTimeout = reviewOutcomeTimeout;
    }
}
