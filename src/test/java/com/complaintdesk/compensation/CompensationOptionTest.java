package com.complaintdesk.compensation;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.compensation.CompensationOption.Remedy;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** C4: a package's amount is shared out over its remedies, never given once per remedy. */
class CompensationOptionTest {

    @Test
    void aRefundWithReturnShippingRefundsAtMostTheOrderAndPaysTheRestAsShipping() {
        assertThat(CompensationOption.FULL_REFUND_RETURN_SHIPPING.split(
                        new BigDecimal("188.00"), new BigDecimal("168.00")))
                .containsExactly(
                        Map.entry(Remedy.FULL_REFUND, new BigDecimal("168.00")),
                        Map.entry(Remedy.RETURN_SHIPPING, new BigDecimal("20.00")));
    }

    @Test
    void aReplacementWithAGiftCarriesTheAmountOnTheReplacement() {
        assertThat(CompensationOption.RESHIPMENT_GIFT.split(new BigDecimal("24.50"), new BigDecimal("38.50")))
                .containsExactly(
                        Map.entry(Remedy.RESHIPMENT, new BigDecimal("24.50")),
                        Map.entry(Remedy.GIFT, new BigDecimal("0.00")));
    }

    @Test
    void aSingleRemedyCarriesTheWholeAmountEvenWithoutAnOrder() {
        assertThat(CompensationOption.COUPON.split(new BigDecimal("10.00"), null))
                .containsExactly(Map.entry(Remedy.COUPON, new BigDecimal("10.00")));
        assertThat(CompensationOption.FULL_REFUND.split(new BigDecimal("50.00"), new BigDecimal("40.00")))
                .containsExactly(Map.entry(Remedy.FULL_REFUND, new BigDecimal("50.00")));
    }

    @Test
    void theSharesAlwaysAddUpToTheAmount() {
        for (CompensationOption option : CompensationOption.values()) {
            BigDecimal sum = option.split(new BigDecimal("99.99"), new BigDecimal("30.00")).values().stream()
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum).as(option.key()).isEqualByComparingTo("99.99");
        }
    }
}
