package com.complaintdesk.insights;

import com.complaintdesk.channel.MessageKind;
import com.complaintdesk.channel.Outbox;
import com.complaintdesk.intake.Channel;
import com.complaintdesk.sla.SlaEvent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Computes period reports (A1–A5) from the application's own tables ({@code cd_complaint} and the tables beside
 * it), never from engine history, so a report over 100,000 cases reads indexes, not the engine's variables. Every
 * figure counts the cases <em>posted</em> in the period (see {@link PeriodReport}); each query starts from the
 * period's {@code posted_at} range.
 */
@Service
public class InsightsReports {

    static final String UNTRIAGED = "untriaged";
    /** The root cause of a case not closed yet (F3 records it at closure). */
    static final String UNRECORDED = "unrecorded";
    /** The tier under which {@link ResponseTimes} gives the figures of every case. */
    static final String ALL = "all";

    static final int MAX_TREND_PERIODS = 26;

    private static final List<String> CLOCKS = List.of(SlaEvent.FIRST_RESPONSE, SlaEvent.RESOLUTION);

    private final JdbcClient jdbc;
    private final InsightsSettings settings;
    private final ReviewTotals reviewTotals;

    InsightsReports(JdbcClient jdbc, InsightsSettings settings, ReviewTotals reviewTotals) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.reviewTotals = reviewTotals;
    }

    /** The period of the given length holding {@code instant}, in the seller's zone. */
    public Period period(Period.Granularity granularity, Instant instant) {
        return Period.containing(granularity, instant, settings.zone());
    }

    /** The period a label names, in the seller's zone. */
    public Period period(String label) {
        return Period.parse(label, settings.zone());
    }

    /** Every figure of the period's report (see {@link PeriodReport} for each one's definition). */
    public PeriodReport report(Period period) {
        Dimensions now = dimensions(period);
        Dimensions before = dimensions(period.previous());
        List<SlaRow> sla = slaRows(period);
        return new PeriodReport(
                period.label(),
                period.from().toString(),
                period.to().toString(),
                now.cases(),
                now.byCategory(),
                period.previous().label(),
                sorted(now.byTier(), Comparator.comparing(KeyCount::key)),
                mostFirst(now.byChannel()),
                mostFirst(now.byRootCause()),
                categories(now, before),
                compliance(sla),
                responseTimes(period),
                escalations(sla),
                compensation(period),
                reviewRequests(period),
                negativeShare(period, now));
    }

    /** A period's headline figures as the trends show them. */
    public record TrendPoint(
            String period,
            String from,
            String to,
            long cases,
            List<CategoryCount> byCategory,
            List<SlaCompliance> slaCompliance,
            List<NegativeShare> negativeShare) {}

    /**
     * The last {@code periods} periods of the given length, oldest first, ending with the one holding {@code now}: per
     * period its cases, cases by category, SLA compliance per tier and negative share per channel.
     */
    public List<TrendPoint> trend(Period.Granularity granularity, int periods, Instant now) {
        if (periods < 1 || periods > MAX_TREND_PERIODS) {
            throw new IllegalArgumentException("periods must be 1 to " + MAX_TREND_PERIODS + ", not " + periods);
        }
        Period period = period(granularity, now);
        for (int i = 1; i < periods; i++) {
            period = period.previous();
        }
        List<TrendPoint> points = new ArrayList<>();
        for (int i = 0; i < periods; i++, period = period.next()) {
            Dimensions d = dimensions(period);
            points.add(new TrendPoint(
                    period.label(),
                    period.from().toString(),
                    period.to().toString(),
                    d.cases(),
                    d.byCategory(),
                    compliance(slaRows(period)),
                    negativeShare(period, d)));
        }
        return points;
    }

    /** The period's cases counted by tier, category, channel and root cause at once (one index range). */
    private record Dimensions(
            long cases,
            List<CategoryCount> byCategory,
            Map<String, Long> byTier,
            Map<String, Long> byChannel,
            Map<String, Long> byRootCause) {}

    private Dimensions dimensions(Period period) {
        Map<String, Long> tiers = new HashMap<>();
        Map<String, Long> categories = new HashMap<>();
        Map<String, Long> channels = new HashMap<>();
        Map<String, Long> rootCauses = new HashMap<>();
        long[] cases = {0};
        range(
                        jdbc.sql(
                                """
                SELECT tier, category, channel, root_cause, COUNT(*) AS cases
                  FROM cd_complaint
                 WHERE posted_at >= :from AND posted_at < :to
                 GROUP BY tier, category, channel, root_cause
                """),
                        period)
                .query(rs -> {
                    long n = rs.getLong("cases");
                    cases[0] += n;
                    tiers.merge(orElse(rs.getString("tier"), UNTRIAGED), n, Long::sum);
                    categories.merge(orElse(rs.getString("category"), UNTRIAGED), n, Long::sum);
                    channels.merge(rs.getString("channel"), n, Long::sum);
                    rootCauses.merge(orElse(rs.getString("root_cause"), UNRECORDED), n, Long::sum);
                });
        List<CategoryCount> byCategory = categories.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> new CategoryCount(e.getKey(), e.getValue()))
                .toList();
        return new Dimensions(cases[0], byCategory, tiers, channels, rootCauses);
    }

    /**
     * A1: each category with cases now or in the previous period (untriaged cases are no category and get no flags),
     * most cases first, then most cases before, then by name.
     */
    private static List<CategoryFigures> categories(Dimensions now, Dimensions before) {
        Map<String, Long> current = new HashMap<>();
        now.byCategory().forEach(c -> current.put(c.category(), c.cases()));
        Map<String, Long> previous = new HashMap<>();
        before.byCategory().forEach(c -> previous.put(c.category(), c.cases()));
        List<String> ranked = now.byCategory().stream()
                .map(CategoryCount::category)
                .filter(c -> !UNTRIAGED.equals(c))
                .limit(CategoryFigures.FREQUENT_TOP)
                .toList();
        Set<String> names = new LinkedHashSet<>(current.keySet());
        names.addAll(previous.keySet());
        names.remove(UNTRIAGED);
        return names.stream()
                .map(name -> {
                    long cases = current.getOrDefault(name, 0L);
                    long earlier = previous.getOrDefault(name, 0L);
                    boolean frequent = cases > 0
                            && (ranked.contains(name)
                                    || cases * 100 >= (long) CategoryFigures.FREQUENT_SHARE_PERCENT * now.cases());
                    return new CategoryFigures(
                            name, cases, earlier, frequent, cases > 0 && earlier == 0, cases < earlier);
                })
                .sorted(Comparator.comparingLong(CategoryFigures::cases)
                        .reversed()
                        .thenComparing(Comparator.comparingLong(CategoryFigures::previousCases)
                                .reversed())
                        .thenComparing(CategoryFigures::category))
                .toList();
    }

    /** Per tier and clock: cases whose clock ran, cases breached, and breach events (the escalations, T4). */
    private record SlaRow(String tier, String clock, long ran, long breached, long breachEvents) {}

    private List<SlaRow> slaRows(Period period) {
        return range(
                        jdbc.sql(
                                """
                SELECT c.tier, e.clock,
                       COUNT(DISTINCT CASE WHEN e.event IN (:running) THEN c.id END) AS ran,
                       COUNT(DISTINCT CASE WHEN e.event IN (:breach) THEN c.id END) AS breached,
                       SUM(CASE WHEN e.event IN (:breach) THEN 1 ELSE 0 END) AS breach_events
                  FROM cd_complaint c
                  JOIN cd_sla_event e ON e.case_id = c.id
                 WHERE c.posted_at >= :from AND c.posted_at < :to
                 GROUP BY c.tier, e.clock
                """),
                        period)
                .param("running", List.of(SlaEvent.STARTED, SlaEvent.RESTARTED))
                .param("breach", List.of(SlaEvent.BREACHED, SlaEvent.SECOND_BREACH))
                .query((rs, n) -> new SlaRow(
                        orElse(rs.getString("tier"), UNTRIAGED),
                        rs.getString("clock"),
                        rs.getLong("ran"),
                        rs.getLong("breached"),
                        rs.getLong("breach_events")))
                .list();
    }

    /** T4: by tier (T1, T2, T3, untriaged), first response before resolution; tiers whose clocks never ran are left out. */
    private static List<SlaCompliance> compliance(List<SlaRow> rows) {
        return rows.stream()
                .filter(r -> r.ran() > 0 || r.breached() > 0)
                .sorted(Comparator.comparing(SlaRow::tier).thenComparing(r -> CLOCKS.indexOf(r.clock())))
                .map(r -> new SlaCompliance(
                        r.tier(),
                        r.clock(),
                        r.ran(),
                        r.breached(),
                        percent(Math.max(r.ran() - r.breached(), 0), r.ran())))
                .toList();
    }

    private static List<KeyCount> escalations(List<SlaRow> rows) {
        Map<String, Long> perTier = new TreeMap<>();
        rows.forEach(r -> perTier.merge(r.tier(), r.breachEvents(), Long::sum));
        return perTier.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new KeyCount(e.getKey(), e.getValue()))
                .toList();
    }

    /** T1–T3: reads the answered or resolved cases' timestamps from the index and takes percentiles in Java. */
    private List<ResponseTimes> responseTimes(Period period) {
        Map<String, List<Long>> firstResponse = new TreeMap<>();
        Map<String, List<Long>> resolution = new TreeMap<>();
        range(
                        jdbc.sql(
                                """
                SELECT tier, posted_at, first_responded_at, resolved_at
                  FROM cd_complaint
                 WHERE posted_at >= :from AND posted_at < :to
                   AND (first_responded_at IS NOT NULL OR resolved_at IS NOT NULL)
                """),
                        period)
                .query(rs -> {
                    String tier = orElse(rs.getString("tier"), UNTRIAGED);
                    OffsetDateTime posted = rs.getObject("posted_at", OffsetDateTime.class);
                    OffsetDateTime responded = rs.getObject("first_responded_at", OffsetDateTime.class);
                    OffsetDateTime resolved = rs.getObject("resolved_at", OffsetDateTime.class);
                    if (responded != null) {
                        firstResponse
                                .computeIfAbsent(tier, t -> new ArrayList<>())
                                .add(seconds(posted, responded));
                    }
                    if (resolved != null) {
                        resolution.computeIfAbsent(tier, t -> new ArrayList<>()).add(seconds(posted, resolved));
                    }
                });
        Set<String> tiers = new java.util.TreeSet<>(firstResponse.keySet());
        tiers.addAll(resolution.keySet());
        List<ResponseTimes> times = new ArrayList<>();
        for (String tier : tiers) {
            times.add(times(tier, SlaEvent.FIRST_RESPONSE, firstResponse.getOrDefault(tier, List.of())));
            times.add(times(tier, SlaEvent.RESOLUTION, resolution.getOrDefault(tier, List.of())));
        }
        times.add(times(
                ALL,
                SlaEvent.FIRST_RESPONSE,
                firstResponse.values().stream().flatMap(List::stream).toList()));
        times.add(times(
                ALL,
                SlaEvent.RESOLUTION,
                resolution.values().stream().flatMap(List::stream).toList()));
        return times;
    }

    private static ResponseTimes times(String tier, String clock, List<Long> seconds) {
        long[] values = seconds.stream().mapToLong(Long::longValue).toArray();
        return new ResponseTimes(
                tier, clock, values.length, NearestRank.percentile(values, 50), NearestRank.percentile(values, 90));
    }

    private static long seconds(OffsetDateTime from, OffsetDateTime to) {
        return Duration.between(from, to).getSeconds();
    }

    /** C4: compensation given, by type then currency (an unrecorded currency last). */
    private List<CompensationTotal> compensation(Period period) {
        return range(
                        jdbc.sql(
                                """
                SELECT compensation, compensation_currency, COUNT(*) AS cases, SUM(compensation_amount) AS total
                  FROM cd_complaint
                 WHERE compensation_given = TRUE AND posted_at >= :from AND posted_at < :to
                 GROUP BY compensation, compensation_currency
                """),
                        period)
                .query((rs, n) -> new CompensationTotal(
                        rs.getString("compensation"),
                        rs.getString("compensation_currency"),
                        rs.getLong("cases"),
                        money(rs.getBigDecimal("total"))))
                .list()
                .stream()
                .sorted(Comparator.comparing(CompensationTotal::type)
                        .thenComparing(CompensationTotal::currency, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private static BigDecimal money(BigDecimal total) {
        return (total == null ? BigDecimal.ZERO : total).setScale(2, RoundingMode.HALF_UP);
    }

    /** R5: cases with a delivered review-update request, and of those the ones whose review was updated. */
    private ReviewRequests reviewRequests(Period period) {
        return range(
                        jdbc.sql(
                                """
                SELECT COUNT(*) AS sent,
                       SUM(CASE WHEN c.review_outcome = 'updated' THEN 1 ELSE 0 END) AS updated
                  FROM cd_complaint c
                 WHERE c.posted_at >= :from AND c.posted_at < :to
                   AND EXISTS (SELECT 1 FROM cd_outbound_message m
                                WHERE m.case_id = c.id AND m.kind = :kind AND m.status IN (:done))
                """),
                        period)
                .param("kind", MessageKind.REVIEW_REQUEST.name())
                .param("done", List.of(Outbox.DELIVERED, Outbox.MANUAL))
                .query((rs, n) -> {
                    long sent = rs.getLong("sent");
                    long updated = rs.getLong("updated");
                    return new ReviewRequests(sent, updated, percent(updated, sent));
                })
                .single();
    }

    /** A5: every channel, in the order of {@link Channel}. */
    private List<NegativeShare> negativeShare(Period period, Dimensions d) {
        Map<String, Long> reviews = reviewTotals.sums(period.start(), period.endExclusive());
        List<NegativeShare> shares = new ArrayList<>();
        for (Channel channel : Channel.values()) {
            long negative = d.byChannel().getOrDefault(channel.key(), 0L);
            Long recorded = reviews.get(channel.key());
            String note = recorded == null ? NegativeShare.NO_TOTALS : recorded == 0 ? NegativeShare.NO_REVIEWS : null;
            shares.add(new NegativeShare(
                    channel.key(), negative, recorded, recorded == null ? null : percent(negative, recorded), note));
        }
        return shares;
    }

    private static JdbcClient.StatementSpec range(JdbcClient.StatementSpec sql, Period period) {
        return sql.param("from", period.from().atOffset(ZoneOffset.UTC))
                .param("to", period.to().atOffset(ZoneOffset.UTC));
    }

    /** {@code part / whole} in percent with one decimal, rounded half up; null when the whole is 0. */
    static BigDecimal percent(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    private static List<KeyCount> sorted(Map<String, Long> counts, Comparator<KeyCount> order) {
        return counts.entrySet().stream()
                .map(e -> new KeyCount(e.getKey(), e.getValue()))
                .sorted(order)
                .toList();
    }

    private static List<KeyCount> mostFirst(Map<String, Long> counts) {
        return sorted(
                counts, Comparator.comparingLong(KeyCount::count).reversed().thenComparing(KeyCount::key));
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
