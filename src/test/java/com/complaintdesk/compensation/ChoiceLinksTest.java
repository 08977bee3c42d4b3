package com.complaintdesk.compensation;

import static com.complaintdesk.lifecycle.ComplaintLifecycle.Var;
import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.compensation.ChoiceLinks.ChoiceToken;
import com.complaintdesk.compensation.ChoiceLinks.Refusal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** C2: the choice link's token is signed, and any change to it is refused. */
class ChoiceLinksTest {

    static final String SECRET = "unit-test-secret-0123456789abcdef-xyz";
    final ChoiceLinks links =
            new ChoiceLinks(new ChoiceLinkSettings(SECRET, "https://desk.example.com/", Duration.ofDays(7)));
    final ChoiceToken token = new ChoiceToken("5f0c1b7e-case", "offer-1", Instant.parse("2026-12-01T10:00:00Z"));

    @Test
    void aSignedTokenReadsBackAsItWasSigned() {
        ChoiceLinks.Reading reading = links.read(links.sign(token));
        assertThat(reading.valid()).isTrue();
        assertThat(reading.token()).isEqualTo(token);
    }

    @Test
    void aTokenWithAnotherCaseOfferOrExpiryIsTampered() {
        String signed = links.sign(token);
        String signature = signed.substring(signed.indexOf('.'));
        for (String payload : new String[] {
            "other-case|offer-1|1796119200", "5f0c1b7e-case|offer-2|1796119200", "5f0c1b7e-case|offer-1|1999999999"
        }) {
            String forged =
                    Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
                            + signature;
            assertThat(links.read(forged).refusal()).as(payload).isEqualTo(Refusal.TAMPERED);
        }
    }

    @Test
    void aTokenSignedWithAnotherKeyIsTampered() {
        ChoiceLinks other =
                new ChoiceLinks(new ChoiceLinkSettings("another-secret-0123456789abcdef-xyz", "", Duration.ofDays(7)));
        assertThat(links.read(other.sign(token)).refusal()).isEqualTo(Refusal.TAMPERED);
    }

    @Test
    void garbageIsMalformed() {
        for (String garbage : new String[] {"", "abc", "a.b.c", "!!!.???", "x".repeat(600)}) {
            assertThat(links.read(garbage).valid()).as(garbage).isFalse();
        }
        assertThat(links.read(null).refusal()).isEqualTo(Refusal.MALFORMED);
    }

    @Test
    void theLinkIsTheSameForTheSameOfferSoARetriedSendSendsItOnce() {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Var.CASE_ID, "5f0c1b7e-case");
        variables.put(Var.CHOICE_OFFER_ID, "offer-1");
        variables.put(Var.CHOICE_LINK_EXPIRES_AT, Date.from(token.expiresAt()));
        variables.put(Var.LANGUAGE, "en");
        assertThat(links.link(variables)).contains("https://desk.example.com/choice/" + links.sign(token));
        assertThat(links.linkLine(variables))
                .isEqualTo(links.linkLine(new HashMap<>(variables)))
                .startsWith("\n\nChoose here (the link works once, for 7 days): https://desk.example.com/choice/");
        variables.put(Var.LANGUAGE, "zh-CN");
        assertThat(links.linkLine(variables)).startsWith("\n\n点此选择方案（7 天内有效，只能使用一次）：https://");
    }

    @Test
    void anOfferWithoutLinkGetsNoLine() {
        assertThat(links.linkLine(Map.of(Var.CASE_ID, "c", Var.LANGUAGE, "en"))).isEmpty();
    }

    @Test
    void thePageRecordsTheAgentsAmountForTheOptionElseTheOrderValueAndNeverAboveTheCap() {
        Map<String, Object> v = new HashMap<>(Map.of(
                Var.COMPENSATION_OPTION_1,
                "full_refund",
                Var.COMPENSATION_OPTION_2,
                "coupon",
                Var.COMPENSATION_AMOUNT_2,
                5.0,
                Var.ORDER_VALUE,
                38.5));
        assertThat(CustomerChoices.amount(v, "coupon")).isEqualTo(5.0);
        assertThat(CustomerChoices.amount(v, "full_refund")).isEqualTo(38.5);
        assertThat(CustomerChoices.amount(v, "declined")).isZero();
        v.put(Var.EXTORTION_GUARDED, true);
        v.put(Var.COMPENSATION_CAP, 20.0);
        assertThat(CustomerChoices.amount(v, "full_refund")).isEqualTo(20.0);
    }
}
