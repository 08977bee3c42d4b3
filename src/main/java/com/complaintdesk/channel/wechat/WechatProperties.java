package com.complaintdesk.channel.wechat;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WeChat channel's settings ({@code complaintdesk.channels.wechat}); see "WeChat" in the README. Credentials come
 * only from the environment. Without all three of app id, app secret and token the channel is off: the webhook
 * answers 503 and the sandbox takes the channel's outbound messages.
 *
 * @param appId      the mini program's AppID, for {@code /cgi-bin/token} (COMPLAINTDESK_WECHAT_APP_ID)
 * @param appSecret  its AppSecret (COMPLAINTDESK_WECHAT_APP_SECRET)
 * @param token      the Token typed into 消息推送配置; every push's {@code signature} is checked with it
 *                   (COMPLAINTDESK_WECHAT_TOKEN)
 * @param apiBaseUrl where WeChat's server API answers; only tests point it elsewhere
 * @param timeout    the longest a call to the API may take to connect and to answer. WeChat waits five seconds for
 *                   the webhook's answer, and a push fetches the review once before answering
 * @param encodingAesKey the EncodingAESKey of 消息推送配置 (COMPLAINTDESK_WECHAT_ENCODING_AES_KEY), 43 characters; needed
 *                   only when the push settings use safe mode (安全模式) or compatible mode (兼容模式), whose pushes
 *                   come encrypted
 * @param maxClockSkew how far a push's {@code timestamp} may be from now, either way, to be accepted (issue #15): the
 *                   signature covers only timestamp and nonce, so an older push, or one of a nonce seen before
 *                   with another body, is a replay; see {@link WechatReplayGuard}. Default five minutes
 */
@ConfigurationProperties("complaintdesk.channels.wechat")
record WechatProperties(
        String appId,
        String appSecret,
        String token,
        String apiBaseUrl,
        Duration timeout,
        String encodingAesKey,
        Duration maxClockSkew) {

    static final String DEFAULT_API = "https://api.weixin.qq.com";
    static final Duration DEFAULT_MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    WechatProperties {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API : apiBaseUrl.trim();
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
        encodingAesKey = present(encodingAesKey) ? encodingAesKey.trim() : null;
        maxClockSkew = maxClockSkew == null ? DEFAULT_MAX_CLOCK_SKEW : maxClockSkew;
        if (maxClockSkew.isNegative() || maxClockSkew.isZero()) {
            throw new IllegalArgumentException(
                    "complaintdesk.channels.wechat.max-clock-skew must be positive, e.g. PT5M");
        }
        if (encodingAesKey != null && encodingAesKey.length() != 43) {
            throw new IllegalArgumentException("COMPLAINTDESK_WECHAT_ENCODING_AES_KEY must be the 43-character "
                    + "EncodingAESKey from the mini program's message push settings; it has "
                    + encodingAesKey.length());
        }
    }

    boolean configured() {
        return present(appId) && present(appSecret) && present(token);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
