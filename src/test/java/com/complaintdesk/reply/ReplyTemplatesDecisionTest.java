package com.complaintdesk.reply;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.lifecycle.ComplaintLifecycle;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The reply-templates decision (X1, P1–P4, F1, P6): a starting text for every part of the reply, per category, in
 * Chinese or English, none of which crosses a red line (X3, P5).
 */
@Deployment(resources = {"processes/decisions/reply-templates.dmn", "processes/decisions/red-lines.dmn"})
class ReplyTemplatesDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension engine = com.complaintdesk.support.ProcessTestEngine.extension();

    static final List<String> PARTS =
            List.of("replyApology", "replyCause", "replySolution", "replyInvitation", "followUpOpening");
    static final List<String> LANGUAGES = List.of("en", "zh-CN");
    static final Pattern CJK = Pattern.compile("\\p{IsHan}");

    ProcessEngine processEngine;

    @Test
    void everyCategoryHasAllFiveParts() {
        for (String category : ComplaintLifecycle.Category.ALL) {
            for (String language : LANGUAGES) {
                Map<String, Object> texts = templates(category, language);
                assertThat(texts).as(category + " " + language).containsOnlyKeys(PARTS);
                for (String part : PARTS) {
                    assertThat((String) texts.get(part))
                            .as(category + " " + language + " " + part)
                            .isNotBlank();
                }
            }
        }
    }

    @Test
    void chineseCustomersGetChineseTemplates() {
        for (String language : List.of("zh-CN", "zh", "zh-TW")) {
            for (String category : ComplaintLifecycle.Category.ALL) {
                templates(category, language).forEach((part, text) -> assertThat(
                                CJK.matcher((String) text).find())
                        .as(category + " " + language + " " + part)
                        .isTrue());
            }
        }
    }

    @Test
    void everyOtherLanguageGetsEnglishTemplates() {
        for (String language : Arrays.asList("en", "en-US", "fr", "", null)) {
            for (String category : ComplaintLifecycle.Category.ALL) {
                templates(category, language).forEach((part, text) -> assertThat((String) text)
                        .as(category + " " + language + " " + part)
                        .doesNotContainPattern(CJK)
                        .containsPattern("[A-Za-z]{3,}"));
            }
        }
    }

    @Test
    void noTemplateCrossesARedLine() {
        for (String category : ComplaintLifecycle.Category.ALL) {
            for (String language : LANGUAGES) {
                templates(category, language).forEach((part, text) -> {
                    String draft = ((String) text).toLowerCase(Locale.ROOT);
                    for (String checkedAs : LANGUAGES) {
                        List<Map<String, Object>> hits = processEngine
                                .getDecisionService()
                                .evaluateDecisionByKey(ComplaintLifecycle.Decision.RED_LINES)
                                .variables(Variables.createVariables()
                                        .putValue("text", draft)
                                        .putValue("language", checkedAs))
                                .evaluate()
                                .getResultList();
                        assertThat(hits)
                                .as(category + " " + language + " " + part + ": " + text)
                                .isEmpty();
                    }
                });
            }
        }
    }

    @Test
    void everyTemplateLeavesAFactForTheAgentToFillIn() {
        for (String category : ComplaintLifecycle.Category.ALL) {
            for (String language : LANGUAGES) {
                templates(category, language).forEach((part, text) -> assertThat((String) text)
                        .as(category + " " + language + " " + part)
                        .containsPattern("\\[[^\\]]+\\]"));
            }
        }
    }

    @Test
    void eachCategoryGetsItsOwnSolutionAndCauseNotOneCannedText() {
        for (String language : LANGUAGES) {
            Set<Object> solutions = new HashSet<>();
            Set<Object> causes = new HashSet<>();
            for (String category : ComplaintLifecycle.Category.ALL) {
                Map<String, Object> texts = templates(category, language);
                solutions.add(texts.get("replySolution"));
                causes.add(texts.get("replyCause"));
            }
            assertThat(solutions).as(language).hasSize(ComplaintLifecycle.Category.ALL.size());
            assertThat(causes).as(language).hasSize(ComplaintLifecycle.Category.ALL.size());
        }
    }

    @Test
    void theSolutionSaysByWhen() {
        for (String category : ComplaintLifecycle.Category.ALL) {
            assertThat((String) templates(category, "en").get("replySolution"))
                    .as(category)
                    .contains("[date]");
            assertThat((String) templates(category, "zh-CN").get("replySolution"))
                    .as(category)
                    .contains("[日期]");
        }
    }

    @Test
    void theTemplatesSpeakToTheCategory() {
        assertThat((String) templates("shipping_delay", "en").get("replyCause")).contains("tracking");
        assertThat((String) templates("shipping_delay", "zh-CN").get("replyCause"))
                .contains("物流");
        assertThat((String) templates("packaging_damage", "en").get("replySolution"))
                .contains("stronger packaging");
        assertThat((String) templates("safety", "en").get("replyApology")).contains("safety");
        assertThat((String) templates("safety", "zh-CN").get("replyApology")).contains("安全");
        assertThat((String) templates("other", "en").get("replyApology"))
                .isEqualTo(templates("unknown", "en").get("replyApology"));
    }

    private Map<String, Object> templates(String category, String language) {
        DmnDecisionResultEntries result = processEngine
                .getDecisionService()
                .evaluateDecisionByKey(ComplaintLifecycle.Decision.REPLY_TEMPLATES)
                .variables(Variables.createVariables()
                        .putValue("category", category)
                        .putValue("language", language))
                .evaluate()
                .getSingleResult();
        assertThat(result).as(category + " " + language).isNotNull();
        return result.getEntryMap();
    }
}
