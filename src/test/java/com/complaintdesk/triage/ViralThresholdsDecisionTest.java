package com.complaintdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Tier;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The viral-thresholds decision (T6): when an engagement update re-tiers a case, and that it never lowers one. */
@Deployment(resources = "processes/decisions/viral-thresholds.dmn")
class ViralThresholdsDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = com.complaintdesk.support.ProcessTestEngine.extension();

    ProcessEngine processEngine;

    @Test
    void fiftyNewSharesWithinAnHourMakeAGeneralOrImportantCaseACrisis() {
        assertThat(verdict("T3", 50, 0, 50, 0))
                .isEqualTo(new Verdict(
                        "T1", "Going viral: 50 or more new shares within an hour (T6) / 正在快速传播：一小时内新增转发 50 次以上（T6）"));
        assertThat(verdict("T2", 50, 0, 50, 0).newTier()).isEqualTo("T1");
        assertThat(verdict("T2", 49.9, 0, 49, 0).newTier()).isNull();
    }

    @Test
    void aHundredNewCommentsWithinAnHourMakeACrisis() {
        assertThat(verdict("T2", 0, 100, 0, 100))
                .isEqualTo(new Verdict(
                        "T1",
                        "Going viral: 100 or more new comments within an hour (T6) / 正在快速传播：一小时内新增评论 100 条以上（T6）"));
        assertThat(verdict("T3", 0, 100, 0, 100).newTier()).isEqualTo("T1");
        assertThat(verdict("T2", 0, 99.9, 0, 99).newTier()).isNull();
    }

    @Test
    void fiveHundredSharesInTotalMakeACrisisHoweverSlowlyTheyCame() {
        assertThat(verdict("T2", 3, 0, 500, 0))
                .isEqualTo(
                        new Verdict("T1", "Widely shared: 500 or more shares in total (T6) / 传播范围很广：累计转发 500 次以上（T6）"));
        assertThat(verdict("T2", 3, 0, 499, 0).newTier()).isNull();
    }

    @Test
    void aThousandCommentsInTotalMakeACrisis() {
        assertThat(verdict("T2", 0, 5, 0, 1000))
                .isEqualTo(new Verdict(
                        "T1", "Widely discussed: 1000 or more comments in total (T6) / 讨论范围很广：累计评论 1000 条以上（T6）"));
        assertThat(verdict("T2", 0, 5, 0, 999).newTier()).isNull();
    }

    @Test
    void aGeneralCaseThatStartsToSpreadBecomesImportant() {
        assertThat(verdict("T3", 10, 0, 10, 0))
                .isEqualTo(new Verdict(
                        "T2", "Spreading: 10 or more new shares within an hour (T6) / 开始扩散：一小时内新增转发 10 次以上（T6）"));
        assertThat(verdict("T3", 0, 20, 0, 20))
                .isEqualTo(
                        new Verdict(
                                "T2",
                                "Drawing a discussion: 20 or more new comments within an hour (T6) / 引发讨论：一小时内新增评论 20 条以上（T6）"));
        assertThat(verdict("T3", 9.9, 19.9, 9, 19).newTier()).isNull();
    }

    @Test
    void anImportantCaseStaysImportantBelowTheCrisisThresholds() {
        assertThat(verdict("T2", 49.9, 99.9, 499, 999).newTier()).isNull();
    }

    @Test
    void aQuietPostChangesNothing() {
        for (String tier : Tier.ALL) {
            assertThat(verdict(tier, 0, 0, 0, 0)).as(tier).isEqualTo(new Verdict(null, null));
        }
    }

    @Test
    void theFirstMatchingRuleWinsCrisisRulesBeforeTheImportantOnes() {
        // a T3 that would also be "spreading" (T2) is a crisis, for the shares: the first crisis rule in the table
        Verdict both = verdict("T3", 60, 120, 600, 1200);
        assertThat(both.newTier()).isEqualTo("T1");
        assertThat(both.reason()).startsWith("Going viral: 50 or more new shares");
        assertThat(verdict("T3", 12, 120, 12, 120).reason()).startsWith("Going viral: 100 or more new comments");
        assertThat(verdict("T3", 12, 30, 500, 30).reason()).startsWith("Widely shared");
        assertThat(verdict("T3", 12, 30, 12, 1000).reason()).startsWith("Widely discussed");
        assertThat(verdict("T3", 12, 30, 12, 30).reason()).startsWith("Spreading");
    }

    @Test
    void aCrisisStaysACrisisWhateverTheNumbers() {
        assertThat(verdict("T1", 5000, 5000, 100000, 100000)).isEqualTo(new Verdict(null, null));
    }

    @Test
    void theTableNeverLowersATierAndEveryChangeSaysWhyInEnglishAndChinese() {
        List<Double> sharesPerHour = List.of(0.0, 9.9, 10.0, 49.9, 50.0, 900.0);
        List<Double> commentsPerHour = List.of(0.0, 19.9, 20.0, 99.9, 100.0, 900.0);
        List<Integer> totalShares = List.of(0, 499, 500);
        List<Integer> totalComments = List.of(0, 999, 1000);
        int changes = 0;
        for (String tier : Tier.ALL) {
            for (double shares : sharesPerHour) {
                for (double comments : commentsPerHour) {
                    for (int allShares : totalShares) {
                        for (int allComments : totalComments) {
                            Verdict v = verdict(tier, shares, comments, allShares, allComments);
                            if (v.newTier() == null) {
                                continue;
                            }
                            changes++;
                            String inputs =
                                    tier + " " + shares + "/h " + comments + "/h " + allShares + " " + allComments;
                            assertThat(Tier.ALL.indexOf(v.newTier())).as(inputs).isLessThan(Tier.ALL.indexOf(tier));
                            assertThat(v.reason())
                                    .as(inputs)
                                    .contains("(T6) / ")
                                    .contains("（T6）");
                        }
                    }
                }
            }
        }
        assertThat(changes).as("the grid reaches the thresholds").isPositive();
    }

    @Test
    void theApplicationAppliesOnlyAHigherTierWhateverTheTableSays() {
        assertThat(EngagementUpdates.raises("T1", "T3")).isTrue();
        assertThat(EngagementUpdates.raises("T2", "T3")).isTrue();
        assertThat(EngagementUpdates.raises("T1", "T2")).isTrue();
        assertThat(EngagementUpdates.raises("T3", "T1")).isFalse();
        assertThat(EngagementUpdates.raises("T2", "T1")).isFalse();
        assertThat(EngagementUpdates.raises("T2", "T2")).isFalse();
        assertThat(EngagementUpdates.raises(null, "T3")).isFalse();
        assertThat(EngagementUpdates.raises("T0", "T3")).isFalse();
    }

    record Verdict(String newTier, String reason) {}

    private Verdict verdict(
            String tier, double sharesPerHour, double commentsPerHour, int totalShares, int totalComments) {
        DmnDecisionResultEntries result = processEngine
                .getDecisionService()
                .evaluateDecisionByKey(ComplaintLifecycle.Decision.VIRAL_THRESHOLDS)
                .variables(Variables.createVariables()
                        .putValue(EngagementUpdates.CURRENT_TIER, tier)
                        .putValue(EngagementUpdates.SHARES_PER_HOUR, sharesPerHour)
                        .putValue(EngagementUpdates.COMMENTS_PER_HOUR, commentsPerHour)
                        .putValue(EngagementUpdates.TOTAL_SHARES, totalShares)
                        .putValue(EngagementUpdates.TOTAL_COMMENTS, totalComments))
                .evaluate()
                .getSingleResult();
        assertThat(result)
                .as("FIRST: exactly one rule matches, the last one at the latest")
                .isNotNull();
        return new Verdict((String) result.getEntryMap().get(EngagementUpdates.NEW_TIER), (String)
                result.getEntryMap().get(EngagementUpdates.REASON));
    }
}
