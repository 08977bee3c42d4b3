package com.complaintdesk.insights;

import static com.complaintdesk.sla.SlaEvent.BREACHED;
import static com.complaintdesk.sla.SlaEvent.FIRST_RESPONSE;
import static com.complaintdesk.sla.SlaEvent.RESOLUTION;
import static com.complaintdesk.sla.SlaEvent.RESTARTED;
import static com.complaintdesk.sla.SlaEvent.SECOND_BREACH;
import static com.complaintdesk.sla.SlaEvent.STARTED;

import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Known cases of February and March 1987, in local times of the seller's zone, whose reports the tests work out by
 * hand. 1987-W10 runs from Monday 2 to Sunday 8 March; its case {@code c6} is posted on Sunday at 23:30 and the one
 * before it, {@code p5}, on Sunday 1 March at 23:30 (the week before, but March). {@code m1} is posted on 31 March at
 * 23:30, {@code p0} on 28 February at 23:30.
 *
 * <pre>
 * case  posted (local)    channel    tier cat               root       1st resp  resolved  compensation        review request  SLA
 * f1    Feb 10 10:00      ebay       T2   quality
 * p1    Feb 24 10:00      instagram  T3   quality
 * p2    Feb 25 10:00      ebay       T2   quality
 * p3    Feb 26 10:00      wechat     T3   shipping_delay
 * p4    Feb 27 10:00      wechat     T3   shipping_delay
 * p0    Feb 28 23:30      instagram  T3   suggestion
 * p5    Mar  1 23:30 Sun  instagram  T2   service_attitude             600 s     7200 s    gift (no amount)    delivered, updated
 * c1    Mar  2 10:00      instagram  T2   packaging_damage  quality    7200      72000     full_refund 30 USD  delivered, updated   FR, RES started
 * c2    Mar  3 09:00      instagram  T2   packaging_damage  logistics  18000     108000    partial 12.50 EUR   delivered, declined  FR breached; RES breached + second
 * c3    Mar  4 12:00      ebay       T1   safety            quality    1800      36000     full_refund 100 USD pending (not sent)  RES breached
 * c4    Mar  5 08:00      wechat     T3   shipping_delay    logistics  3600      -         coupon 5 CNY        manual, updated      started
 * c5    Mar  6 15:00      wechat     T3   packaging_damage  -          -         -         -                   (a reply only)       FR breached
 * c6    Mar  8 23:30 Sun  ebay       T2   quality           quality    10800     86400     declined            delivered, no_answer FR restarted (T6)
 * c7    Mar  7 11:00      email      -    -
 * n1    Mar  9 00:30 Mon  instagram  T3   packaging_damage             54000     -         full_refund 20 EUR                       FR breached
 * m1    Mar 31 23:30      wechat     T3   suggestion
 * </pre>
 *
 * Review totals: instagram Feb 28: 500, Mar 1: 1000, Mar 2: 40, Mar 8: 60, Mar 9: 50; ebay Mar 5: 0; wechat Mar 31: 30,
 * Apr 1: 999.
 */
final class March1987 {

    static final int YEAR = 1987;

    private March1987() {}

    static InsightsSeeds seed(JdbcClient jdbc, ZoneId zone) {
        InsightsSeeds s = new InsightsSeeds(jdbc, YEAR, zone);
        s.clean();
        s.posted(2, 10, 10, 0, "ebay").triage("T2", "quality").insert();
        s.posted(2, 24, 10, 0, "instagram").triage("T3", "quality").insert();
        s.posted(2, 25, 10, 0, "ebay").triage("T2", "quality").insert();
        s.posted(2, 26, 10, 0, "wechat").triage("T3", "shipping_delay").insert();
        s.posted(2, 27, 10, 0, "wechat").triage("T3", "shipping_delay").insert();
        s.posted(2, 28, 23, 30, "instagram").triage("T3", "suggestion").insert();
        s.posted(3, 1, 23, 30, "instagram")
                .triage("T2", "service_attitude")
                .respondedAfter(600)
                .resolvedAfter(7200)
                .compensation("gift", null, null)
                .review("updated")
                .message("REVIEW_REQUEST", "delivered")
                .insert();

        s.posted(3, 2, 10, 0, "instagram")
                .triage("T2", "packaging_damage")
                .rootCause("quality")
                .respondedAfter(7200)
                .resolvedAfter(72000)
                .compensation("full_refund", "30.00", "USD")
                .review("updated")
                .message("REVIEW_REQUEST", "delivered")
                .sla(FIRST_RESPONSE, STARTED, RESOLUTION, STARTED)
                .insert();
        s.posted(3, 3, 9, 0, "instagram")
                .triage("T2", "packaging_damage")
                .rootCause("logistics")
                .respondedAfter(18000)
                .resolvedAfter(108000)
                .compensation("partial_refund", "12.50", "EUR")
                .review("declined")
                .message("REVIEW_REQUEST", "delivered")
                .sla(
                        FIRST_RESPONSE,
                        STARTED,
                        RESOLUTION,
                        STARTED,
                        FIRST_RESPONSE,
                        BREACHED,
                        RESOLUTION,
                        BREACHED,
                        RESOLUTION,
                        SECOND_BREACH)
                .insert();
        s.posted(3, 4, 12, 0, "ebay")
                .triage("T1", "safety")
                .rootCause("quality")
                .respondedAfter(1800)
                .resolvedAfter(36000)
                .compensation("full_refund", "100.00", "USD")
                .message("REVIEW_REQUEST", "pending")
                .sla(FIRST_RESPONSE, STARTED, RESOLUTION, STARTED, RESOLUTION, BREACHED)
                .insert();
        s.posted(3, 5, 8, 0, "wechat")
                .triage("T3", "shipping_delay")
                .rootCause("logistics")
                .respondedAfter(3600)
                .compensation("coupon", "5.00", "CNY")
                .review("updated")
                .message("REVIEW_REQUEST", "manual")
                .sla(FIRST_RESPONSE, STARTED, RESOLUTION, STARTED)
                .insert();
        s.posted(3, 6, 15, 0, "wechat")
                .triage("T3", "packaging_damage")
                .message("REPLY", "delivered")
                .sla(FIRST_RESPONSE, STARTED, RESOLUTION, STARTED, FIRST_RESPONSE, BREACHED)
                .insert();
        s.posted(3, 8, 23, 30, "ebay")
                .triage("T2", "quality")
                .rootCause("quality")
                .respondedAfter(10800)
                .resolvedAfter(86400)
                .compensation("declined", null, null)
                .review("no_answer")
                .message("REVIEW_REQUEST", "delivered")
                .sla(FIRST_RESPONSE, STARTED, RESOLUTION, STARTED, FIRST_RESPONSE, RESTARTED)
                .insert();
        s.posted(3, 7, 11, 0, "email").insert();

        s.posted(3, 9, 0, 30, "instagram")
                .triage("T3", "packaging_damage")
                .respondedAfter(54000)
                .compensation("full_refund", "20.00", "EUR")
                .sla(FIRST_RESPONSE, STARTED, RESOLUTION, STARTED, FIRST_RESPONSE, BREACHED)
                .insert();
        s.posted(3, 31, 23, 30, "wechat").triage("T3", "suggestion").insert();

        s.reviewTotal("instagram", 2, 28, 500);
        s.reviewTotal("instagram", 3, 1, 1000);
        s.reviewTotal("instagram", 3, 2, 40);
        s.reviewTotal("instagram", 3, 8, 60);
        s.reviewTotal("instagram", 3, 9, 50);
        s.reviewTotal("ebay", 3, 5, 0);
        s.reviewTotal("wechat", 3, 31, 30);
        s.reviewTotal("wechat", 4, 1, 999);
        return s;
    }
}
