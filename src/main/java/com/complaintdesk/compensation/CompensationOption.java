package com.complaintdesk.compensation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The compensation packages an agent can offer (C2–C4): each is one or more remedies executed through the channel
 * port. Keys are those of the {@code compensation-options} decision and the forms.
 */
public enum CompensationOption {
    FULL_REFUND("full_refund", "Full refund", "全额退款", List.of(Remedy.FULL_REFUND)),
    PARTIAL_REFUND("partial_refund", "Partial refund", "部分退款", List.of(Remedy.PARTIAL_REFUND)),
    RESHIPMENT("reshipment", "Replacement sent again", "补发或换新", List.of(Remedy.RESHIPMENT)),
    RESHIPMENT_GIFT(
            "reshipment_gift", "Replacement plus a small gift", "换新并赠送小礼品", List.of(Remedy.RESHIPMENT, Remedy.GIFT)),
    FULL_REFUND_RETURN_SHIPPING(
            "full_refund_return_shipping",
            "Full refund, return shipping paid by us",
            "全额退款并承担退货运费",
            List.of(Remedy.FULL_REFUND, Remedy.RETURN_SHIPPING)),
    COUPON("coupon", "Coupon for the next order", "下次购物优惠券", List.of(Remedy.COUPON)),
    GIFT("gift", "Small gift", "小礼品", List.of(Remedy.GIFT));

    /** What is executed (C4). */
    public enum Remedy {
        FULL_REFUND,
        PARTIAL_REFUND,
        RESHIPMENT,
        COUPON,
        GIFT,
        RETURN_SHIPPING
    }

    /** The decision's key for "no compensation suggested". */
    public static final String NONE = "none";
    /** The customer's choice when they want no compensation. */
    public static final String DECLINED = "declined";

    private final String key;
    private final String english;
    private final String chinese;
    private final List<Remedy> remedies;

    CompensationOption(String key, String english, String chinese, List<Remedy> remedies) {
        this.key = key;
        this.english = english;
        this.chinese = chinese;
        this.remedies = remedies;
    }

    public String key() {
        return key;
    }

    public List<Remedy> remedies() {
        return remedies;
    }

    /** The option's name in the customer's language (Chinese for zh…, English otherwise). */
    public String label(String language) {
        return language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("zh") ? chinese : english;
    }

    /**
     * What each remedy of the package carries of the amount the customer was given (C4): the first remedy up to the
     * order's value (a refund never exceeds what was paid), the rest on the last one (e.g. the return shipping),
     * nothing on those between; together exactly the amount.
     */
    public java.util.Map<Remedy, java.math.BigDecimal> split(
            java.math.BigDecimal amount, java.math.BigDecimal orderValue) {
        java.util.Map<Remedy, java.math.BigDecimal> shares = new java.util.LinkedHashMap<>();
        java.math.BigDecimal first = orderValue == null || remedies.size() == 1 ? amount : amount.min(orderValue);
        for (int i = 0; i < remedies.size(); i++) {
            java.math.BigDecimal share = i == 0
                    ? first
                    : i == remedies.size() - 1
                            ? amount.subtract(first)
                            : java.math.BigDecimal.ZERO.setScale(amount.scale());
            shares.put(remedies.get(i), share);
        }
        return shares;
    }

    public static Optional<CompensationOption> of(Object key) {
        return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
    }
}
