package com.complaintdesk.channel.wechat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Checks the {@code signature} query parameter WeChat puts on every request to the push URL, both the server
 * verification ({@code GET} with {@code echostr}) and each push ({@code POST}) in plain-text mode: the lower-case hex
 * SHA-1 of the Token, {@code timestamp} and {@code nonce} sorted lexicographically and joined. Source: "发起验证" in
 * https://developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html (its example: Token
 * {@code AAAAA}, timestamp {@code 1714036504}, nonce {@code 1514711492} give
 * {@code f464b24fc39322e44b38aa78f5edd27bd1441696}) and "消息解密方式为明文模式" in
 * https://developers.weixin.qq.com/doc/oplatform/developers/dev/push/encryption.html. The signature covers the query
 * parameters only, not the body: in plain-text mode the body itself is not signed.
 */
final class WechatSignature {

    private final String token;

    WechatSignature(String token) {
        if (token == null || token.isEmpty()) {
            throw new IllegalArgumentException("A token is needed to check signatures");
        }
        this.token = token;
    }

    /** True when all three parameters are present and {@code signature} is theirs; compared in constant time. */
    boolean matches(String signature, String timestamp, String nonce) {
        if (signature == null || timestamp == null || nonce == null) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(timestamp, nonce).getBytes(StandardCharsets.US_ASCII),
                signature.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** The signature WeChat sends with this timestamp and nonce. */
    String sign(String timestamp, String nonce) {
        String[] parts = {token, timestamp, nonce};
        Arrays.sort(parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is not available", e);
        }
    }
}
