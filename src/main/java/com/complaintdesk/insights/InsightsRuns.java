package com.complaintdesk.insights;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What ComplaintInsights does for one period (A1, A2): computes its report, stores it and applies the streak rule.
 * The period is the one given, or the last complete one before now in the seller's zone.
 */
@Service
public class InsightsRuns {

    /** The granularities the weekly and monthly reports run for. */
    static final List<String> GRANULARITIES = List.of(Period.Granularity.WEEK.name(), Period.Granularity.MONTH.name());

    /** What was reported; {@code fix} is set when a new streak opened a systemic fix for the owners. */
    public record PeriodRun(String period, long cases, String topCategory, StreakAlerts.Outcome.FixOpened fix) {}

    private final InsightsReports reports;
    private final StoredReports stored;
    private final StreakAlerts alerts;

    InsightsRuns(InsightsReports reports, StoredReports stored, StreakAlerts alerts) {
        this.reports = reports;
        this.stored = stored;
        this.alerts = alerts;
    }

    /**
     * @param granularity {@code WEEK} or {@code MONTH}
     * @param label       the period, e.g. {@code 2026-W47}; null or blank: the last complete period before {@code now}
     * @throws IllegalArgumentException saying what is wrong with the granularity or the label
     */
    @Transactional
    public PeriodRun reportPeriod(String granularity, String label, OffsetDateTime now, String processInstanceId) {
        Period period = period(granularity, label, now);
        PeriodReport report = reports.report(period);
        stored.store(period, report, now.toInstant());
        StreakAlerts.Outcome outcome = alerts.afterReport(period, report, now);
        StreakAlerts.Outcome.FixOpened fix = null;
        if (outcome instanceof StreakAlerts.Outcome.FixOpened opened) {
            alerts.attachProcessInstance(opened.fixId(), processInstanceId);
            fix = opened;
        }
        return new PeriodRun(
                period.label(),
                report.cases(),
                report.top().map(CategoryCount::category).orElse(null),
                fix);
    }

    Period period(String granularity, String label, OffsetDateTime now) {
        String g = granularity == null ? "" : granularity.strip().toUpperCase(Locale.ROOT);
        if (!GRANULARITIES.contains(g)) {
            throw new IllegalArgumentException("granularity must be WEEK or MONTH, not '" + granularity + "'");
        }
        Period.Granularity wanted = Period.Granularity.valueOf(g);
        if (label == null || label.isBlank()) {
            return reports.period(wanted, now.toInstant()).previous();
        }
        Period period = reports.period(label);
        if (period.granularity() != wanted) {
            throw new IllegalArgumentException(
                    "periodLabel '" + label + "' is not a " + g.toLowerCase(Locale.ROOT) + " (e.g. "
                            + reports.period(wanted, now.toInstant()).previous().label() + ")");
        }
        return period;
    }
}
