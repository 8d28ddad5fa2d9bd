package io.twofold.mfa.http.management;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Auth0's timestamps: ISO-8601 UTC, always with milliseconds ({@code 2023-03-10T16:25:50.971Z}, spec 1.7). */
public final class Timestamps {
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String iso(Instant at) {
        return ISO_MILLIS.format(at);
    }
}
