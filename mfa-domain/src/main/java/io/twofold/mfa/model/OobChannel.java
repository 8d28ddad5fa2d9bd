package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.util.Arrays;

/** An out-of-band delivery channel, named as on the wire ({@code oob_channel}). */
public enum OobChannel {
    SMS("sms"),
    VOICE("voice"),
    EMAIL("email");

    private final String wireName;

    OobChannel(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Option<OobChannel> byWireName(String name) {
        return Option.ofOptional(Arrays.stream(values()).filter(c -> c.wireName.equals(name)).findFirst());
    }
}
