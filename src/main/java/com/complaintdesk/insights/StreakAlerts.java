package com.complaintdesk.insights;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A2: a category that is the top complaint for {@link InsightsSettings#streakPeriods()} periods running asks the owners
 * for a systemic fix. Each streak (a category on top from one period on, without a break) alerts once, however long
 * it lasts; a new streak after a break alerts again. While a category's fix is open ({@code cd_systemic_fix}, one open
 * fix per category, enforced by a unique index), a further streak of it, weekly or monthly, is recorded against the
 * open fix and opens nothing new.
 */
@Service
public class StreakAlerts {

    /** The longest run looked back on: ten years of weeks. */
    static final int LOOK_BACK = 520;

    static final int EXAMPLES = 5;
    static final int EXCERPT = 120;

    /** One period of a streak: its label, all its cases and those of the category on top. */
    public record StreakPeriod(String period, long cases, long categoryCases) {}

    /** A case shown as an example of the streak, with the link to its case file. */
    public record ExampleCase(
            String caseId, String businessKey, String tier, OffsetDateTime postedAt, String excerpt, String link) {}

    /** What the owners are shown: the periods, oldest first, and example cases, newest first. */
    public record Evidence(
            String granularity, String category, List<StreakPeriod> periods, List<ExampleCase> examples) {

        /** The periods with their counts, one per line. */
        public String periodsText() {
            String unit = granularity.equals(Period.Granularity.WEEK.name()) ? "weeks" : "months";
            return category + " has been the top complaint for " + periods.size() + " " + unit + " running:\n"
                    + periods.stream()
                            .map(p -> p.period() + ": " + p.categoryCases() + " of " + p.cases() + " cases")
                            .collect(Collectors.joining("\n"));
        }

        /** The example cases, one per line: business key, tier, posted, excerpt, link. */
        public String examplesText() {
            return examples.stream()
                    .map(e -> e.businessKey() + " | " + (e.tier() == null ? "untriaged" : e.tier()) + " | "
                            + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.postedAt()) + " | " + e.excerpt() + " | "
                            + e.link())
                    .collect(Collectors.joining("\n"));
        }
    }

    /** What a period's report did to the alerts. */
    public sealed interface Outcome {
        /** No category has been on top for long enough. */
        record NoStreak() implements Outcome {}

        /** The streak had alerted before (it goes on, or the period was computed again). */
        record AlreadyAlerted(String fixId) implements Outcome {}

        /** The streak is new, but its category's fix is still open: recorded against it, no new task. */
        record AddedToOpenFix(String fixId) implements Outcome {}

        /** The streak is new: a fix for the owners to decide is open. */
        record FixOpened(String fixId, Evidence evidence) implements Outcome {}
    }

    private final JdbcClient jdbc;
    private final InsightsReports reports;
    private final StoredReports stored;
    private final InsightsSettings settings;
    private final ObjectMapper json;

    StreakAlerts(
            JdbcClient jdbc,
            InsightsReports reports,
            StoredReports stored,
            InsightsSettings settings,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.stored = stored;
        this.settings = settings;
        this.json = json;
    }

    /**
     * Applies the streak rule to a period just reported: looks back over the periods before it (their stored report,
     * or computed now when there is none, so the rule works from the first run) for as long as the same category was
     * on top.
     */
    public Outcome afterReport(Period period, PeriodReport report, OffsetDateTime now) {
        Optional<CategoryCount> top = report.top().filter(StreakAlerts::counts);
        if (top.isEmpty()) {
            return new Outcome.NoStreak();
        }
        String category = top.get().category();
        List<StreakPeriod> run = new ArrayList<>();
        run.add(new StreakPeriod(period.label(), report.cases(), top.get().cases()));
        Period earlier = period.previous();
        while (run.size() < LOOK_BACK) {
            Optional<StreakPeriod> same =
                    topOf(earlier).filter(p -> p.category().equals(category)).map(PeriodTop::period);
            if (same.isEmpty()) {
                break;
            }
            run.add(same.get());
            earlier = earlier.previous();
        }
        if (run.size() < settings.streakPeriods()) {
            return new Outcome.NoStreak();
        }
        Collections.reverse(run);
        String granularity = period.granularity().name();
        String firstPeriod = run.get(0).period();
        Optional<String> alerted = jdbc.sql(
                        """
                SELECT fix_id FROM cd_systemic_fix_streak
                 WHERE granularity = :granularity AND category = :category AND first_period = :firstPeriod
                """)
                .param("granularity", granularity)
                .param("category", category)
                .param("firstPeriod", firstPeriod)
                .query(String.class)
                .optional();
        if (alerted.isPresent()) {
            jdbc.sql(
                            """
                    UPDATE cd_systemic_fix_streak SET last_period = :lastPeriod, periods = :periods
                     WHERE granularity = :granularity AND category = :category AND first_period = :firstPeriod
                       AND periods < :periods
                    """)
                    .param("lastPeriod", period.label())
                    .param("periods", run.size())
                    .param("granularity", granularity)
                    .param("category", category)
                    .param("firstPeriod", firstPeriod)
                    .update();
            return new Outcome.AlreadyAlerted(alerted.get());
        }
        Optional<String> open = jdbc.sql("SELECT id FROM cd_systemic_fix WHERE open_category = :category")
                .param("category", category)
                .query(String.class)
                .optional();
        if (open.isPresent()) {
            recordStreak(open.get(), granularity, category, run, false, now);
            return new Outcome.AddedToOpenFix(open.get());
        }
        Evidence evidence = new Evidence(granularity, category, run, examples(category, run, period));
        String fixId = UUID.randomUUID().toString();
        // two runs opening a fix for the same category at once: the unique index refuses one, whose job retries
        // and then finds this fix open
        jdbc.sql(
                        """
                INSERT INTO cd_systemic_fix (id, category, open_category, opened_at, evidence)
                VALUES (:id, :category, :category, :openedAt, :evidence)
                """)
                .param("id", fixId)
                .param("category", category)
                .param("openedAt", now)
                .param("evidence", write(evidence))
                .update();
        recordStreak(fixId, granularity, category, run, true, now);
        return new Outcome.FixOpened(fixId, evidence);
    }

    /** Links the fix to the process instance whose task decides it. */
    public void attachProcessInstance(String fixId, String processInstanceId) {
        jdbc.sql("UPDATE cd_systemic_fix SET process_instance_id = :pi WHERE id = :id")
                .param("pi", processInstanceId)
                .param("id", fixId)
                .update();
    }

    /**
     * Keeps the owners' decision on the fix and frees its category, so the next streak of it opens a new fix.
     *
     * @throws IllegalStateException when the fix is unknown or was decided before
     */
    public void decide(
            String fixId,
            String decision,
            String change,
            String owner,
            LocalDate dueOn,
            String decidedBy,
            OffsetDateTime at) {
        if (!ComplaintInsights.Decision.ALL.contains(decision)) {
            throw new IllegalArgumentException(
                    "decision must be one of " + ComplaintInsights.Decision.ALL + ", not " + decision);
        }
        int updated = jdbc.sql(
                        """
                UPDATE cd_systemic_fix
                   SET decision = :decision, change_description = :change, change_owner = :owner, due_on = :dueOn,
                       decided_by = :decidedBy, decided_at = :at, open_category = NULL
                 WHERE id = :id AND open_category IS NOT NULL
                """)
                .param("decision", decision)
                .param("change", change)
                .param("owner", owner)
                .param("dueOn", dueOn)
                .param("decidedBy", decidedBy)
                .param("at", at)
                .param("id", fixId)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("Systemic fix " + fixId + " is not open for a decision");
        }
    }

    private void recordStreak(
            String fixId,
            String granularity,
            String category,
            List<StreakPeriod> run,
            boolean openedTask,
            OffsetDateTime now) {
        jdbc.sql(
                        """
                INSERT INTO cd_systemic_fix_streak (id, fix_id, granularity, category, first_period, last_period, periods,
                                                    opened_task, recorded_at)
                VALUES (:id, :fixId, :granularity, :category, :firstPeriod, :lastPeriod, :periods, :openedTask, :at)
                """)
                .param("id", UUID.randomUUID().toString())
                .param("fixId", fixId)
                .param("granularity", granularity)
                .param("category", category)
                .param("firstPeriod", run.get(0).period())
                .param("lastPeriod", run.get(run.size() - 1).period())
                .param("periods", run.size())
                .param("openedTask", openedTask)
                .param("at", now)
                .update();
    }

    private record PeriodTop(String category, StreakPeriod period) {}

    /** The top of an earlier period: as stored when it was reported, otherwise computed now. */
    private Optional<PeriodTop> topOf(Period period) {
        Optional<StoredReports.StoredTop> kept = stored.top(period);
        if (kept.isPresent()) {
            StoredReports.StoredTop t = kept.get();
            return t.topCategory() == null || t.topCases() == 0 || InsightsReports.UNTRIAGED.equals(t.topCategory())
                    ? Optional.empty()
                    : Optional.of(
                            new PeriodTop(t.topCategory(), new StreakPeriod(t.period(), t.cases(), t.topCases())));
        }
        PeriodReport report = reports.report(period);
        return report.top()
                .filter(StreakAlerts::counts)
                .map(top ->
                        new PeriodTop(top.category(), new StreakPeriod(report.period(), report.cases(), top.cases())));
    }

    /** A category counts towards a streak with cases in the period; untriaged cases name no category. */
    private static boolean counts(CategoryCount top) {
        return top.cases() > 0 && !InsightsReports.UNTRIAGED.equals(top.category());
    }

    /** Up to five cases of the category from the streak's periods, newest first. */
    private List<ExampleCase> examples(String category, List<StreakPeriod> run, Period last) {
        Period first = last;
        for (int i = 1; i < run.size(); i++) {
            first = first.previous();
        }
        return jdbc.sql(
                        """
                SELECT id, business_key, tier, posted_at, text
                  FROM cd_complaint
                 WHERE category = :category AND posted_at >= :from AND posted_at < :to
                 ORDER BY posted_at DESC, id DESC
                 FETCH FIRST %d ROWS ONLY
                """
                                .formatted(EXAMPLES))
                .param("category", category)
                .param("from", first.from().atOffset(ZoneOffset.UTC))
                .param("to", last.to().atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new ExampleCase(
                        rs.getString("id"),
                        rs.getString("business_key"),
                        rs.getString("tier"),
                        rs.getObject("posted_at", OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC),
                        excerpt(rs.getString("text")),
                        caseLink(rs.getString("id"))))
                .list();
    }

    /** The auditors' printable case file of a case (owners read it too). */
    static String caseLink(String caseId) {
        return "/audit/case.html?id=" + caseId;
    }

    static String excerpt(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return flat.length() <= EXCERPT ? flat : flat.substring(0, EXCERPT - 1).stripTrailing() + "…";
    }

    private String write(Evidence evidence) {
        try {
            return json.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The evidence of a systemic fix cannot be written as JSON", e);
        }
    }
}
