package io.twofold.mfa.policy;

import java.time.Duration;

/** How long each short-lived thing lives. Defaults follow the spec's section 10. */
public record Lifetimes(Duration mfaToken, Duration oobCode, Duration pendingAuthenticator, Duration mfaApiAccessToken) {
    public static final Lifetimes DEFAULT = new Lifetimes(
            Duration.ofMinutes(10), Duration.ofMinutes(5), Duration.ofHours(24), Duration.ofSeconds(600));
}
