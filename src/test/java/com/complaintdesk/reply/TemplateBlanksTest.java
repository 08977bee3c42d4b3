package com.complaintdesk.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** P6: what the case knows is filled into a template; every other blank is found, in English and Chinese. */
class TemplateBlanksTest {

    @Test
    void knownBlanksAreFilledWhateverTheirCaseAndTheOthersStay() {
        String text = "[Name], your order [order number] arrives by [date].";
        assertThat(TemplateBlanks.fill(text, Map.of("name", "Grace", "order number", "ord-9")))
                .isEqualTo("Grace, your order ord-9 arrives by [date].");
    }

    @Test
    void chineseBlanksAreFoundAndFilled() {
        String text = "[称呼]您好，订单[订单号]已于[日期]补发。";
        assertThat(TemplateBlanks.blanks(text)).containsExactly("[称呼]", "[订单号]", "[日期]");
        assertThat(TemplateBlanks.fill(text, Map.of("称呼", "李娜", "订单号", "A-17"))).isEqualTo("李娜您好，订单A-17已于[日期]补发。");
    }

    @Test
    void aTextWithoutBlanksHasNone() {
        assertThat(TemplateBlanks.blanks("We send a new mug today; it arrives by Friday."))
                .isEmpty();
        assertThat(TemplateBlanks.blanks(null)).isEmpty();
    }

    @Test
    void aReplacementThatLooksLikeARegexGroupIsTakenLiterally() {
        assertThat(TemplateBlanks.fill("Hi [name]", Map.of("name", "$1 Tom"))).isEqualTo("Hi $1 Tom");
    }
}
