package com.complaintdesk.channel.wechat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Fuzz test of reading a signed WeChat push ({@link WechatPush#read}), XML or JSON: it answers a push or null (the
 * controller's 400), never an exception, and its XML parser resolves no entity (Jazzer's XXE and SSRF sanitizers
 * would report one). Seeds in src/test/resources/…/WechatPushFuzzTestInputs.
 */
class WechatPushFuzzTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @FuzzTest(maxDuration = "30s")
    void push(byte[] body) {
        WechatPush.read(body, JSON);
    }
}
