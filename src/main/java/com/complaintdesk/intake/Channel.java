package com.complaintdesk.intake;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a complaint was posted (see "The channels" in the playbook). */
public enum Channel {
    INSTAGRAM(true),
    EBAY(true),
    WECHAT(true),
    EMAIL(false),
    PHONE(false),
    WEB(false);

    private final boolean publicSurface;

    Channel(boolean publicSurface) {
        this.publicSurface = publicSurface;
    }

    /** True where everyone can read the complaint, so it gets a public reply (P1–P6). */
    public boolean hasPublicSurface() {
        return publicSurface;
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Channel fromKey(String key) {
        return Arrays.stream(values())
                .filter(c -> c.key().equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + keys()));
    }

    public static String keys() {
        return Arrays.stream(values()).map(Channel::key).collect(Collectors.joining(", "));
    }
}
