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
 */
@ConfigurationProperties("complaintdesk.channels.wechat")
record WechatProperties(String appId, String appSecret, String token, String apiBaseUrl, Duration timeout) {

    static final String DEFAULT_API = "https://api.weixin.qq.com";

    WechatProperties {
        apiBaseUrl = apiBaseUrl == null || apiBaseUrl.isBlank() ? DEFAULT_API : apiBaseUrl.trim();
        timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
    }

    boolean configured() {
        return present(appId) && present(appSecret) && present(token);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
