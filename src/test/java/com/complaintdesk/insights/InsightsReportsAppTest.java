package com.complaintdesk.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.insights.Period.Granularity;
import com.complaintdesk.support.AppTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A1, A5, T1–T4, C1–C4, R5 (#6): the reports of 1987-W10 and March 1987 of the cases in {@link March1987}, worked out by
 * hand, for a seller in Los Angeles (UTC-8 then): the case posted on Sunday 8 March at 23:30 there (Monday 07:30 UTC)
 * belongs to week 10, the one posted on Sunday 1 March at 23:30 to week 9 and to March, the one posted on 31 March at
 * 23:30 (1 April UTC) to March.
 */
@AppTest
class InsightsReportsAppTest {

    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReviewTotals reviewTotals;

    private InsightsReports reports;
    private InsightsSeeds seeds;

    @BeforeEach
    void seed() {
        reports = new InsightsReports(jdbc, new InsightsSettings(LOS_ANGELES, 3), reviewTotals);
        seeds = March1987.seed(jdbc, LOS_ANGELES);
    }

    @AfterEach
    void clean() {
        seeds.clean();
    }

    @Test
    void weekReportCountsTheCasesPostedFromMondayToSundayInTheSellersZone() {
        PeriodReport r = reports.report(reports.period("1987-W10"));

        assertThat(r.period()).isEqualTo("1987-W10");
        assertThat(r.from()).isEqualTo("1987-03-02T08:00:00Z");
        assertThat(r.to()).isEqualTo("1987-03-09T08:00:00Z");
        assertThat(r.previousPeriod()).isEqualTo("1987-W09");
        assertThat(r.cases()).isEqualTo(7);
        assertThat(r.byCategory())
                .containsExactly(
                        new CategoryCount("packaging_damage", 3),
                        new CategoryCount("quality", 1),
                        new CategoryCount("safety", 1),
                        new CategoryCount("shipping_delay", 1),
                        new CategoryCount("untriaged", 1));
        assertThat(r.top()).contains(new CategoryCount("packaging_damage", 3));
        assertThat(r.byTier()).containsExactly(count("T1", 1), count("T2", 3), count("T3", 2), count("untriaged", 1));
        assertThat(r.byChannel())
                .containsExactly(count("ebay", 2), count("instagram", 2), count("wechat", 2), count("email", 1));
        assertThat(r.byRootCause()).containsExactly(count("quality", 3), count("logistics", 2), count("unrecorded", 2));

        // A1: frequent = among the top 3 (ties by name) or ≥ 20 % (here 2 of 7); new = none the week before; improving
        // = fewer
        assertThat(r.categories())
                .containsExactly(
                        new CategoryFigures("packaging_damage", 3, 0, true, true, false),
                        new CategoryFigures("quality", 1, 2, true, false, true),
                        new CategoryFigures("shipping_delay", 1, 2, false, false, true),
                        new CategoryFigures("safety", 1, 0, true, true, false),
                        new CategoryFigures("service_attitude", 0, 1, false, false, true),
                        new CategoryFigures("suggestion", 0, 1, false, false, true));

        // T4: a restarted clock (T6) still counts its case once; a second breach does not breach it twice
        assertThat(r.slaCompliance())
                .containsExactly(
                        sla("T1", "first_response", 1, 0, "100.0"), sla("T1", "resolution", 1, 1, "0.0"),
                        sla("T2", "first_response", 3, 1, "66.7"), sla("T2", "resolution", 3, 1, "66.7"),
                        sla("T3", "first_response", 2, 1, "50.0"), sla("T3", "resolution", 2, 0, "100.0"));
        assertThat(r.escalations()).containsExactly(count("T1", 1), count("T2", 3), count("T3", 1));

        // nearest rank: T2 first responses 7200, 10800, 18000 s → median rank 2, p90 rank 3
        assertThat(r.responseTimes())
                .containsExactly(
                        times("T1", "first_response", 1, 1800L, 1800L), times("T1", "resolution", 1, 36000L, 36000L),
                        times("T2", "first_response", 3, 10800L, 18000L), times("T2", "resolution", 3, 86400L, 108000L),
                        times("T3", "first_response", 1, 3600L, 3600L), times("T3", "resolution", 0, null, null),
                        times("all", "first_response", 5, 7200L, 18000L),
                                times("all", "resolution", 4, 72000L, 108000L));

        // C4: per type and currency; a declined offer gave nothing
        assertThat(r.compensation())
                .containsExactly(
                        new CompensationTotal("coupon", "CNY", 1, new BigDecimal("5.00")),
                        new CompensationTotal("full_refund", "USD", 2, new BigDecimal("130.00")),
                        new CompensationTotal("partial_refund", "EUR", 1, new BigDecimal("12.50")));

        // R5: a pending request was not sent; a request delivered by hand was
        assertThat(r.reviewRequests()).isEqualTo(new ReviewRequests(4, 2, new BigDecimal("50.0")));

        // A5: instagram's totals of 2 and 8 March (not 1 or 9 March): 2 of 100 reviews
        assertThat(r.negativeShare())
                .containsExactly(
                        new NegativeShare("instagram", 2, 100L, new BigDecimal("2.0"), null),
                        new NegativeShare("ebay", 2, 0L, null, NegativeShare.NO_REVIEWS),
                        new NegativeShare("wechat", 2, null, null, NegativeShare.NO_TOTALS),
                        new NegativeShare("email", 1, null, null, NegativeShare.NO_TOTALS),
                        new NegativeShare("phone", 0, null, null, NegativeShare.NO_TOTALS),
                        new NegativeShare("web", 0, null, null, NegativeShare.NO_TOTALS));
    }

    @Test
    void monthReportCountsTheCasesPostedInTheCalendarMonthInTheSellersZone() {
        PeriodReport r = reports.report(reports.period("1987-03"));

        assertThat(r.period()).isEqualTo("1987-03");
        assertThat(r.from()).isEqualTo("1987-03-01T08:00:00Z");
        assertThat(r.to()).isEqualTo("1987-04-01T08:00:00Z");
        assertThat(r.previousPeriod()).isEqualTo("1987-02");
        assertThat(r.cases()).isEqualTo(10);
        assertThat(r.byCategory())
                .containsExactly(
                        new CategoryCount("packaging_damage", 4),
                        new CategoryCount("quality", 1),
                        new CategoryCount("safety", 1),
                        new CategoryCount("service_attitude", 1),
                        new CategoryCount("shipping_delay", 1),
                        new CategoryCount("suggestion", 1),
                        new CategoryCount("untriaged", 1));
        assertThat(r.byTier()).containsExactly(count("T1", 1), count("T2", 4), count("T3", 4), count("untriaged", 1));
        assertThat(r.byChannel())
                .containsExactly(count("instagram", 4), count("wechat", 3), count("ebay", 2), count("email", 1));
        assertThat(r.byRootCause()).containsExactly(count("unrecorded", 5), count("quality", 3), count("logistics", 2));

        // February: quality 3, shipping_delay 2, suggestion 1; 20 % of 10 is 2 cases
        assertThat(r.categories())
                .containsExactly(
                        new CategoryFigures("packaging_damage", 4, 0, true, true, false),
                        new CategoryFigures("quality", 1, 3, true, false, true),
                        new CategoryFigures("shipping_delay", 1, 2, false, false, true),
                        new CategoryFigures("suggestion", 1, 1, false, false, false),
                        new CategoryFigures("safety", 1, 0, true, true, false),
                        new CategoryFigures("service_attitude", 1, 0, false, true, false));

        assertThat(r.slaCompliance())
                .containsExactly(
                        sla("T1", "first_response", 1, 0, "100.0"), sla("T1", "resolution", 1, 1, "0.0"),
                        sla("T2", "first_response", 3, 1, "66.7"), sla("T2", "resolution", 3, 1, "66.7"),
                        sla("T3", "first_response", 3, 2, "33.3"), sla("T3", "resolution", 3, 0, "100.0"));
        assertThat(r.escalations()).containsExactly(count("T1", 1), count("T2", 3), count("T3", 2));

        assertThat(r.responseTimes())
                .containsExactly(
                        times("T1", "first_response", 1, 1800L, 1800L), times("T1", "resolution", 1, 36000L, 36000L),
                        times("T2", "first_response", 4, 7200L, 18000L), times("T2", "resolution", 4, 72000L, 108000L),
                        times("T3", "first_response", 2, 3600L, 54000L), times("T3", "resolution", 0, null, null),
                        times("all", "first_response", 7, 7200L, 54000L),
                                times("all", "resolution", 5, 72000L, 108000L));

        assertThat(r.compensation())
                .containsExactly(
                        new CompensationTotal("coupon", "CNY", 1, new BigDecimal("5.00")),
                        new CompensationTotal("full_refund", "EUR", 1, new BigDecimal("20.00")),
                        new CompensationTotal("full_refund", "USD", 2, new BigDecimal("130.00")),
                        new CompensationTotal("gift", null, 1, new BigDecimal("0.00")),
                        new CompensationTotal("partial_refund", "EUR", 1, new BigDecimal("12.50")));

        assertThat(r.reviewRequests()).isEqualTo(new ReviewRequests(5, 3, new BigDecimal("60.0")));

        // instagram 4 of 1000 + 40 + 60 + 50 reviews (not 28 February's); wechat 3 of 30 (not 1 April's)
        assertThat(r.negativeShare())
                .containsExactly(
                        new NegativeShare("instagram", 4, 1150L, new BigDecimal("0.3"), null),
                        new NegativeShare("ebay", 2, 0L, null, NegativeShare.NO_REVIEWS),
                        new NegativeShare("wechat", 3, 30L, new BigDecimal("10.0"), null),
                        new NegativeShare("email", 1, null, null, NegativeShare.NO_TOTALS),
                        new NegativeShare("phone", 0, null, null, NegativeShare.NO_TOTALS),
                        new NegativeShare("web", 0, null, null, NegativeShare.NO_TOTALS));
    }

    @Test
    void trendListsTheLastPeriodsOldestFirstEndingWithTheOneHoldingNow() {
        // Monday 9 March 1987, 09:00 in Los Angeles: week 11 has begun
        List<InsightsReports.TrendPoint> weeks =
                reports.trend(Granularity.WEEK, 3, Instant.parse("1987-03-09T17:00:00Z"));

        assertThat(weeks)
                .extracting(InsightsReports.TrendPoint::period)
                .containsExactly("1987-W09", "1987-W10", "1987-W11");
        assertThat(weeks).extracting(InsightsReports.TrendPoint::cases).containsExactly(6L, 7L, 1L);
        assertThat(weeks.get(0).byCategory())
                .containsExactly(
                        new CategoryCount("quality", 2),
                        new CategoryCount("shipping_delay", 2),
                        new CategoryCount("service_attitude", 1),
                        new CategoryCount("suggestion", 1));
        assertThat(weeks.get(1).slaCompliance())
                .isEqualTo(reports.report(reports.period("1987-W10")).slaCompliance());
        assertThat(weeks.get(2).slaCompliance())
                .containsExactly(sla("T3", "first_response", 1, 1, "0.0"), sla("T3", "resolution", 1, 0, "100.0"));
        assertThat(weeks.get(2).negativeShare().get(0))
                .isEqualTo(new NegativeShare("instagram", 1, 50L, new BigDecimal("2.0"), null));

        List<InsightsReports.TrendPoint> months =
                reports.trend(Granularity.MONTH, 2, Instant.parse("1987-03-31T12:00:00Z"));
        assertThat(months).extracting(InsightsReports.TrendPoint::period).containsExactly("1987-02", "1987-03");
        assertThat(months).extracting(InsightsReports.TrendPoint::cases).containsExactly(6L, 10L);
    }

    private static KeyCount count(String key, long count) {
        return new KeyCount(key, count);
    }

    private static SlaCompliance sla(String tier, String clock, long ran, long breached, String percent) {
        return new SlaCompliance(tier, clock, ran, breached, new BigDecimal(percent));
    }

    private static ResponseTimes times(String tier, String clock, long cases, Long median, Long p90) {
        return new ResponseTimes(tier, clock, cases, median, p90);
    }
}
