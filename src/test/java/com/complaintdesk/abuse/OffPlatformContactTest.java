package com.complaintdesk.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** E2: the pushes to continue off the platform, in English and Chinese, and ordinary complaints that are none. */
class OffPlatformContactTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The cup was broken. Add me on WeChat and we settle this.",
                "contact me via WhatsApp or I post more reviews",
                "my wechat id is lily_88",
                "WhatsApp: +44 7700 900123",
                "write to refunds.now@example.com",
                "call 138 1234 5678 today",
                "Let's talk privately, not on eBay",
                "杯子碎了，加我微信，不然差评",
                "加微信 abc123 私聊",
                "私聊我，给我退款",
                "vx：refund888",
                "留个电话号码吧",
                "phone: 0044 20 7946 0958",
                "see wa.me/447700900123"
            })
    void findsAPushOffThePlatform(String text) {
        assertThat(OffPlatformContact.find(text)).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "The mug arrived broken, the box was crushed.",
                "Order 2025-03-01 arrived late, three days after the promised date.",
                "收到的杯子碎了，包装太差了！",
                "I paid 38.50 USD for this and it is broken.",
                "Please reply here on the platform, thanks.",
                "订单号 12345 还没有发货",
                "Order 1234567890123 was refunded only in part.",
                "My phone arrived with a cracked screen."
            })
    void findsNothingInAnOrdinaryComplaint(String text) {
        assertThat(OffPlatformContact.find(text)).isEmpty();
    }

    @Test
    void namesThePhrasesItFoundInEveryText() {
        assertThat(OffPlatformContact.find(List.of("The cup broke.", "He said: add me on WhatsApp")))
                .containsExactly("add me on WhatsApp");
        assertThat(OffPlatformContact.find((String) null)).isEmpty();
    }
}
