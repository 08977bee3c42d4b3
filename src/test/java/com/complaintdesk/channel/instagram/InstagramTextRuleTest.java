package com.complaintdesk.channel.instagram;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.compensation.ChoiceLinkSettings;
import com.complaintdesk.compensation.ChoiceLinks;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Form;
import com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import com.complaintdesk.web.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** P1–P4, F1, F7, C2 on Instagram: the texts an agent writes, measured as they will be sent. */
class InstagramTextRuleTest {

    private final InstagramTextRule rule = new InstagramTextRule();

    @Test
    void aReplyWhosePartsAreAllBlankIsRefusedOnTheApologyAndALongOneIsNot_P1toP4() {
        Map<String, Object> blank = values(
                "instagram",
                Var.REPLY_APOLOGY,
                " ",
                Var.REPLY_CAUSE,
                "\n",
                Var.REPLY_SOLUTION,
                "",
                Var.REPLY_INVITATION,
                "  ");

        assertThat(rule.check(Form.DRAFT_REPLY, blank)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(Var.REPLY_APOLOGY);
            assertThat(problem.message()).contains("An Instagram comment reply needs text");
        });
        // Meta documents no maximum length for a comment reply
        assertThat(rule.check(
                        Form.DRAFT_REPLY,
                        values(
                                "instagram",
                                Var.REPLY_APOLOGY,
                                "Sorry. ".repeat(600),
                                Var.REPLY_CAUSE,
                                "",
                                Var.REPLY_SOLUTION,
                                "",
                                Var.REPLY_INVITATION,
                                "")))
                .isEmpty();
    }

    @Test
    void aFollowUpMessageIsRefusedOverOneThousandUtf8Bytes_F1_F7() {
        assertThat(rule.check(Form.CONTACT_CUSTOMER, values("instagram", Var.FOLLOW_UP_MESSAGE, "a".repeat(1000))))
                .isEmpty();
        assertThat(rule.check(Form.CONTACT_CUSTOMER, values("instagram", Var.FOLLOW_UP_MESSAGE, "a".repeat(1001))))
                .extracting(FieldProblem::field)
                .containsExactly(Var.FOLLOW_UP_MESSAGE);
    }

    @Test
    void anOfferCountsItsOptionsInTheCustomersLanguage_C2() {
        Map<String, Object> offer = values(
                "instagram",
                Var.LANGUAGE,
                "en",
                Var.COMPENSATION_OPTION_1,
                "full_refund",
                Var.COMPENSATION_OPTION_2,
                "coupon",
                Var.OFFER_MESSAGE,
                "a".repeat(960));
        // sent as the message, "\n", "\n1. Full refund" and "\n2. Coupon for the next order": 960 + 1 + 15 + 29 bytes
        assertThat(rule.check(Form.OFFER_COMPENSATION, offer)).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo(Var.OFFER_MESSAGE);
            assertThat(problem.message()).contains("this one has 1005");
        });
        offer.put(Var.OFFER_MESSAGE, "a".repeat(955));
        assertThat(rule.check(Form.OFFER_COMPENSATION, offer)).isEmpty();
    }

    @Test
    void anOfferCountsTheLinkToTheChoicePageAsSent_C2() {
        ChoiceLinks links = new ChoiceLinks(new ChoiceLinkSettings(
                "unit-test-secret-0123456789abcdef-xyz", "https://desk.example.com", Duration.ofDays(7)));
        InstagramTextRule withLinks = new InstagramTextRule(links);
        Map<String, Object> offer = values(
                "instagram",
                Var.CASE_ID,
                "5f0c1b7e-1111-2222-3333-444455556666",
                Var.LANGUAGE,
                "en",
                Var.COMPENSATION_OPTION_1,
                "full_refund",
                Var.COMPENSATION_OPTION_2,
                "coupon",
                Var.OFFER_MESSAGE,
                "a".repeat(955));
        int line = links.nextLinkLine(offer).getBytes(StandardCharsets.UTF_8).length;
        assertThat(line).isGreaterThan(100);

        // 955 bytes fit without the link (above), not with it
        assertThat(withLinks.check(Form.OFFER_COMPENSATION, offer))
                .singleElement()
                .satisfies(problem ->
                        assertThat(problem.message()).contains("this one has " + (1000 + line), "the link to choose"));
        offer.put(Var.OFFER_MESSAGE, "a".repeat(955 - line));
        assertThat(withLinks.check(Form.OFFER_COMPENSATION, offer)).isEmpty();
    }

    @Test
    void otherChannelsAreNotInstagramsBusiness() {
        assertThat(rule.check(Form.CONTACT_CUSTOMER, values("wechat", Var.FOLLOW_UP_MESSAGE, "好".repeat(1000))))
                .isEmpty();
        assertThat(rule.check(Form.DRAFT_REPLY, values("ebay", Var.REPLY_APOLOGY, " ")))
                .isEmpty();
    }

    private static Map<String, Object> values(String channel, Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        values.put(Var.CHANNEL, channel);
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return values;
    }
}
