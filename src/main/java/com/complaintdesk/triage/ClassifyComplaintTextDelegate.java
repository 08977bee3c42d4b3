package com.complaintdesk.triage;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Task_ClassifyComplaintText: derives the inputs of the triage decision from the case as received: the keyword
 * signals of the text, the engagement per hour since posting (T6 virality) and how many days the delivery is
 * late. Which tier these mean is decided by the {@code triage} DMN table, not here.
 */
@Component
public class ClassifyComplaintTextDelegate implements JavaDelegate {

    private final KeywordClassifier classifier;

    public ClassifyComplaintTextDelegate() {
        this(KeywordClassifier.withDefaultLexicon());
    }

    ClassifyComplaintTextDelegate(KeywordClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        KeywordClassifier.Classification classification = classifier.classify((String) execution.getVariable(Var.TEXT));
        Instant now = ClockUtil.getCurrentTime().toInstant();
        execution.setVariable(Var.SIGNALS, classification.signalsAsText());
        execution.setVariable(Var.MATCHED_KEYWORDS, classification.matchedKeywordsAsText());
        execution.setVariable(
                Var.ENGAGEMENT_PER_HOUR,
                engagementPerHour(
                        number(execution.getVariable(Var.SHARES)) + number(execution.getVariable(Var.COMMENTS)),
                        instant(execution.getVariable(Var.POSTED_AT)),
                        now));
        execution.setVariable(
                Var.DAYS_LATE,
                daysLate(
                        instant(execution.getVariable(Var.PROMISED_DELIVERY)),
                        instant(execution.getVariable(Var.DELIVERED_AT)),
                        now));
    }

    /** Shares plus comments per hour since the post; posts younger than an hour count as one hour old. */
    static double engagementPerHour(long interactions, Instant postedAt, Instant now) {
        double hours = postedAt == null ? 1 : Duration.between(postedAt, now).toSeconds() / 3600.0;
        return interactions / Math.max(1.0, hours);
    }

    /** Whole days the delivery (or, while undelivered, now) is after the promised date; 0 if on time or unknown. */
    static int daysLate(Instant promised, Instant delivered, Instant now) {
        if (promised == null) {
            return 0;
        }
        Instant arrival = delivered != null ? delivered : now;
        long days = Duration.between(promised, arrival).toDays();
        return (int) Math.max(0, days);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static Instant instant(Object value) {
        return value instanceof Date d ? d.toInstant() : null;
    }
}
