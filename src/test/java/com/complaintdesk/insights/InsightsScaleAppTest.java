package com.complaintdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.support.AppTest;
import com.complaintdesk.support.TestDatabase;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * #6: reports over 100,000 cases (one a minute from Monday 4 January 1993 on, about ten weeks) are exact: the week
 * and month figures equal what the seeded rows add up to. How long each report took is logged, not asserted (the
 * benchmark measures speed). On PostgreSQL the plans of the report's queries read the insights indexes.
 */
@AppTest
class InsightsScaleAppTest {

    private static final Logger LOG = LoggerFactory.getLogger(InsightsScaleAppTest.class);
    private static final int CASES = 100_000;
    private static final int BATCH = 2_000;
    private static final OffsetDateTime START = OffsetDateTime.parse("1993-01-04T00:00:00Z");
    private static final String[] CATEGORIES = {
        "safety",
        "fraud",
        "quality",
        "shipping_delay",
        "packaging_damage",
        "service_attitude",
        "product_misunderstanding",
        "suggestion",
        "other"
    };
    private static final String[] TIERS = {"T1", "T2", "T3"};
    private static final String[] CHANNELS = {"instagram", "ebay", "wechat", "email", "phone", "web"};

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcTemplate template;

    @Autowired
    InsightsReports reports;

    private InsightsSeeds seeds;

    @BeforeEach
    void seed() {
        seeds = new InsightsSeeds(jdbc, 1993, ZoneOffset.UTC);
        seeds.clean();
        long started = System.nanoTime();
        List<Object[]> cases = new ArrayList<>();
        List<Object[]> events = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String id = UUID.randomUUID().toString();
            OffsetDateTime posted = posted(i);
            cases.add(new Object[] {
                id,
                CHANNELS[i % 6],
                "scale-" + seeds.run + "-" + i,
                CHANNELS[i % 6] + ":scale-" + seeds.run + "-" + i,
                posted,
                posted,
                TIERS[i % 3],
                CATEGORIES[i % 9],
                posted.plusSeconds(responseSeconds(i))
            });
            events.add(new Object[] {UUID.randomUUID().toString(), id, "started", TIERS[i % 3], posted});
            if (breached(i)) {
                events.add(
                        new Object[] {UUID.randomUUID().toString(), id, "breached", TIERS[i % 3], posted.plusHours(1)});
            }
            if (cases.size() == BATCH) {
                flush(cases, events);
            }
        }
        flush(cases, events);
        LOG.info(
                "Seeded {} cases on {} in {} ms",
                CASES,
                TestDatabase.onPostgres() ? "PostgreSQL" : "H2",
                (System.nanoTime() - started) / 1_000_000);
        if (TestDatabase.onPostgres()) {
            // fresh statistics and visibility map, as autovacuum would leave them after a bulk load
            template.execute("VACUUM ANALYZE cd_complaint");
            template.execute("VACUUM ANALYZE cd_sla_event");
        }
    }

    @AfterEach
    void clean() {
        seeds.clean();
    }

    private void flush(List<Object[]> cases, List<Object[]> events) {
        template.batchUpdate(
                """
                INSERT INTO cd_complaint (id, channel, external_id, business_key, posted_at, received_at, language, text,
                                          customer_id, payload, tier, category, status, first_responded_at)
                VALUES (?, ?, ?, ?, ?, ?, 'en', 'Late again.', 'cust', '{}', ?, ?, 'open', ?)
                """,
                cases);
        template.batchUpdate(
                """
                INSERT INTO cd_sla_event (id, case_id, clock, event, tier, occurred_at) VALUES (?, ?, 'first_response', ?, ?, ?)
                """,
                events);
        cases.clear();
        events.clear();
    }

    private static OffsetDateTime posted(int i) {
        return START.plusMinutes(i);
    }

    /** 0 to 99 minutes, in seconds. */
    private static long responseSeconds(int i) {
        return (i % 100) * 60L;
    }

    private static boolean breached(int i) {
        return i % 10 == 0;
    }

    @Test
    void weekAndMonthReportsOverAHundredThousandCasesAddUpExactly() {
        check("1993-W01");
        check("1993-01");
        check("1993-02");
    }

    private void check(String label) {
        Period period = reports.period(label);
        long started = System.nanoTime();
        PeriodReport r = reports.report(period);
        LOG.info(
                "Report {} over {} cases took {} ms on {} (not asserted: the machine is shared)",
                label,
                r.cases(),
                (System.nanoTime() - started) / 1_000_000,
                TestDatabase.onPostgres() ? "PostgreSQL" : "H2");

        // what the seeded rows of the period add up to
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            if (!posted(i).toInstant().isBefore(period.from())
                    && posted(i).toInstant().isBefore(period.to())) {
                in.add(i);
            }
        }
        assertThat(in).isNotEmpty();
        assertThat(r.cases()).isEqualTo(in.size());
        Map<String, Long> byCategory =
                in.stream().collect(Collectors.groupingBy(i -> CATEGORIES[i % 9], TreeMap::new, Collectors.counting()));
        assertThat(r.byCategory().stream().collect(Collectors.toMap(CategoryCount::category, CategoryCount::cases)))
                .isEqualTo(byCategory);
        Map<String, Long> byChannel =
                in.stream().collect(Collectors.groupingBy(i -> CHANNELS[i % 6], Collectors.counting()));
        assertThat(r.byChannel().stream().collect(Collectors.toMap(KeyCount::key, KeyCount::count)))
                .isEqualTo(byChannel);
        for (String tier : TIERS) {
            List<Integer> ofTier =
                    in.stream().filter(i -> TIERS[i % 3].equals(tier)).toList();
            long breached =
                    ofTier.stream().filter(InsightsScaleAppTest::breached).count();
            assertThat(r.slaCompliance())
                    .filteredOn(s -> s.tier().equals(tier))
                    .singleElement()
                    .isEqualTo(new SlaCompliance(
                            tier,
                            "first_response",
                            ofTier.size(),
                            breached,
                            InsightsReports.percent(ofTier.size() - breached, ofTier.size())));
            assertThat(r.escalations()).contains(new KeyCount(tier, breached));
            long[] seconds = ofTier.stream()
                    .mapToLong(InsightsScaleAppTest::responseSeconds)
                    .toArray();
            Arrays.sort(seconds);
            assertThat(r.responseTimes())
                    .contains(new ResponseTimes(
                            tier,
                            "first_response",
                            seconds.length,
                            smallestCovering(seconds, 50),
                            smallestCovering(seconds, 90)));
        }
        if (TestDatabase.onPostgres()) {
            // a week is a tenth of the table: its plan reads the index; a month's (40 %) is the planner's choice,
            // logged
            explain(period, period.granularity() == Period.Granularity.WEEK);
        }
    }

    /** The smallest value that at least p percent of the values are at or below (the nearest-rank definition). */
    private static long smallestCovering(long[] sorted, int p) {
        for (int k = 0; k < sorted.length; k++) {
            if ((k + 1) * 100L >= (long) p * sorted.length) {
                return sorted[k];
            }
        }
        throw new IllegalArgumentException("no values");
    }

    /** The plans of the report's two largest reads start from an index of cd_complaint, not a scan of the table. */
    private void explain(Period period, boolean assertIndexes) {
        for (String query : List.of(
                "SELECT tier, category, channel, root_cause, COUNT(*) FROM cd_complaint WHERE posted_at >= ? AND posted_at < ?"
                        + " GROUP BY tier, category, channel, root_cause",
                "SELECT c.tier, e.clock, COUNT(*) FROM cd_complaint c JOIN cd_sla_event e ON e.case_id = c.id"
                        + " WHERE c.posted_at >= ? AND c.posted_at < ? GROUP BY c.tier, e.clock")) {
            String plan = String.join(
                    "\n",
                    template.queryForList(
                            "EXPLAIN " + query,
                            String.class,
                            period.from().atOffset(ZoneOffset.UTC),
                            period.to().atOffset(ZoneOffset.UTC)));
            LOG.info("Plan of {}:\n{}", query, plan);
            if (!assertIndexes) {
                continue;
            }
            assertThat(plan)
                    .as(plan)
                    .containsPattern("Index (Only )?Scan using ix_cd_complaint_|Bitmap Index Scan on ix_cd_complaint_");
            assertThat(plan).as(plan).doesNotContain("Seq Scan on cd_complaint");
        }
    }
}
