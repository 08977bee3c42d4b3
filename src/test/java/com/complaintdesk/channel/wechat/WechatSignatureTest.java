package com.complaintdesk.channel.wechat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The signature of WeChat's message push URL, against the worked example of "发起验证" in
 * https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html.
 */
class WechatSignatureTest {

    static final String DOC_TOKEN = "AAAAA";
    static final String DOC_TIMESTAMP = "1714036504";
    static final String DOC_NONCE = "1514711492";
    static final String DOC_SIGNATURE = "f464b24fc39322e44b38aa78f5edd27bd1441696";

    private final WechatSignature wechat = new WechatSignature(DOC_TOKEN);

    @Test
    void theDocumentedExampleIsValid() {
        assertThat(wechat.sign(DOC_TIMESTAMP, DOC_NONCE)).isEqualTo(DOC_SIGNATURE);
        assertThat(wechat.matches(DOC_SIGNATURE, DOC_TIMESTAMP, DOC_NONCE)).isTrue();
        assertThat(wechat.matches(DOC_SIGNATURE.toUpperCase(), DOC_TIMESTAMP, DOC_NONCE))
                .isTrue();
    }

    @Test
    void aMissingSignatureTimestampOrNonceIsRefused() {
        assertThat(wechat.matches(null, DOC_TIMESTAMP, DOC_NONCE)).isFalse();
        assertThat(wechat.matches(DOC_SIGNATURE, null, DOC_NONCE)).isFalse();
        assertThat(wechat.matches(DOC_SIGNATURE, DOC_TIMESTAMP, null)).isFalse();
        assertThat(wechat.matches("", DOC_TIMESTAMP, DOC_NONCE)).isFalse();
    }

    @Test
    void aSignatureWithAnotherTokenOrOtherParametersIsRefused() {
        assertThat(new WechatSignature("BBBBB").matches(DOC_SIGNATURE, DOC_TIMESTAMP, DOC_NONCE))
                .isFalse();
        assertThat(wechat.matches(DOC_SIGNATURE, "1714036505", DOC_NONCE)).isFalse();
        assertThat(wechat.matches(DOC_SIGNATURE, DOC_NONCE, DOC_TIMESTAMP.substring(1)))
                .isFalse();
        assertThat(wechat.matches("not-hex", DOC_TIMESTAMP, DOC_NONCE)).isFalse();
    }

    @Test
    void aSignatureWithOneBitFlippedIsRefused() {
        char[] oneBit = DOC_SIGNATURE.toCharArray();
        oneBit[1] = '5'; // '4' (0100) becomes '5' (0101): exactly one bit of the digest

        assertThat(wechat.matches(new String(oneBit), DOC_TIMESTAMP, DOC_NONCE)).isFalse();
    }
}
