package com.complaintdesk.channel.wechat;

import org.springframework.stereotype.Component;

/**
 * The channel's settings in force. They are the configured {@link WechatProperties}; the channel's tests point them
 * at a stub of WeChat's API for a while (with {@link #use}) so that they share the application context of every
 * other application test, in which the channel is off.
 */
@Component
class WechatSettings {

    private volatile WechatProperties current;

    WechatSettings(WechatProperties configured) {
        this.current = configured;
    }

    WechatProperties current() {
        return current;
    }

    boolean configured() {
        return current.configured();
    }

    /** Puts {@code settings} in force; returns the ones they replace. */
    WechatProperties use(WechatProperties settings) {
        WechatProperties previous = current;
        current = settings;
        return previous;
    }
}
