package com.complaintdesk.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeywordClassifierTest {

    final KeywordClassifier classifier = KeywordClassifier.withDefaultLexicon();

    @Test
    void latinKeywordsMatchCaseInsensitivelyOnWordBoundaries() {
        assertThat(classifier.classify("This is a SCAM").signals()).containsExactly("fraud");
        assertThat(classifier.classify("I ordered scampi and chocolate").signals())
                .isEmpty();
    }

    @Test
    void phrasesMatch() {
        assertThat(classifier.classify("The charger caught fire last night").matchedKeywords())
                .contains("caught fire");
    }

    @Test
    void chineseKeywordsMatchAsSubstrings() {
        KeywordClassifier.Classification c = classifier.classify("充电宝冒烟了，质量太差");
        assertThat(c.signals()).containsExactly("safety", "quality");
        assertThat(c.matchedKeywords()).containsExactly("冒烟", "质量");
    }

    @Test
    void signalsComeInLexiconOrderWhateverTheTextOrder() {
        assertThat(classifier
                        .classify("Rude support, and the box arrived crushed, and it is broken and unsafe")
                        .signalsAsText())
                .isEqualTo("safety,quality,packaging_damage,service_attitude");
    }

    @Test
    void everySignalOfThePlaybookIsInTheLexicon() {
        assertThat(KeywordClassifier.parse(lexiconText()).keySet())
                .containsExactly(
                        "safety",
                        "fraud",
                        "money_loss",
                        "quality",
                        "shipping_delay",
                        "packaging_damage",
                        "service_attitude",
                        "misunderstanding",
                        "suggestion",
                        "mild");
    }

    @Test
    void aCustomLexiconIsUsedAsGiven() {
        KeywordClassifier custom = new KeywordClassifier(Map.of("quality", List.of("wobbly", "晃")));
        assertThat(custom.classify("The table is WOBBLY, 桌子晃").matchedKeywords())
                .containsExactly("wobbly", "晃");
    }

    @Test
    void emptyTextHasNoSignals() {
        assertThat(classifier.classify(null).signalsAsText()).isEmpty();
        assertThat(classifier.classify("  ").matchedKeywordsAsText()).isEmpty();
    }

    @Test
    void engagementCountsAtLeastOneHourAndLatenessWholeDays() {
        Instant posted = Instant.parse("2025-03-01T08:00:00Z");
        assertThat(ClassifyComplaintTextDelegate.engagementPerHour(30, posted, posted.plusSeconds(600)))
                .isEqualTo(30.0);
        assertThat(ClassifyComplaintTextDelegate.engagementPerHour(30, posted, posted.plusSeconds(3 * 3600)))
                .isEqualTo(10.0);
        assertThat(ClassifyComplaintTextDelegate.daysLate(posted, posted.plusSeconds(47 * 3600), null))
                .isEqualTo(1);
        assertThat(ClassifyComplaintTextDelegate.daysLate(posted, posted.minusSeconds(3600), null))
                .isZero();
        assertThat(ClassifyComplaintTextDelegate.daysLate(posted, null, posted.plusSeconds(3 * 86400)))
                .isEqualTo(3);
        assertThat(ClassifyComplaintTextDelegate.daysLate(null, null, posted)).isZero();
    }

    private static String lexiconText() {
        try (var in = KeywordClassifier.class.getClassLoader().getResourceAsStream(KeywordClassifier.DEFAULT_LEXICON)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
