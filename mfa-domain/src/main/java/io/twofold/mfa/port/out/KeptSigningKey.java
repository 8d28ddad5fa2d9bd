package io.twofold.mfa.port.out;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/** A signing key as the store keeps it: the current one (never retired) or one a rotation replaced, and when. */
public record KeptSigningKey(SigningKey key, Option<Instant> retiredAt) {
    public KeptSigningKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(retiredAt, "retiredAt");
    }

    /** Whether this key signs new tokens. */
    public boolean isCurrent() {
        return retiredAt.isEmpty();
    }
}
