package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * How a client's refresh tokens live, as Auth0's client {@code refresh_token} object says it:
 * rotating or not, an absolute lifetime counted from the login (rotation does not extend it) and an
 * idle lifetime counted from the last use; an empty lifetime is infinite.
 */
public record RefreshTokenPolicy(Rotation rotation, Option<Duration> lifetime, Option<Duration> idleLifetime) {
    /** Auth0's defaults for a rotating token: 30 days absolute, 15 days idle. */
    public static final RefreshTokenPolicy DEFAULT =
            new RefreshTokenPolicy(Rotation.ROTATING, Option.some(Duration.ofDays(30)), Option.some(Duration.ofDays(15)));

    public RefreshTokenPolicy {
        Objects.requireNonNull(rotation, "rotation");
        Objects.requireNonNull(lifetime, "lifetime");
        Objects.requireNonNull(idleLifetime, "idleLifetime");
        if (lifetime.exists(d -> d.isNegative() || d.isZero()) || idleLifetime.exists(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("a refresh token lifetime must be positive");
        }
    }

    /** When a family opened at {@code loginAt} dies whatever happens, if ever. */
    public Option<Instant> expiresAt(Instant loginAt) {
        return lifetime.map(loginAt::plus);
    }

    /** When a family last used at {@code usedAt} dies unless used again, if ever. */
    public Option<Instant> idleExpiresAt(Instant usedAt) {
        return idleLifetime.map(usedAt::plus);
    }

    /** Auth0's {@code rotation_type}. */
    public enum Rotation {
        /** Each use returns a new refresh token and retires the one presented; a retired one presented again kills the family. */
        ROTATING("rotating"),
        /** The token stays the same until it expires or is revoked. */
        NON_ROTATING("non-rotating");

        private final String wireName;

        Rotation(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static Option<Rotation> byWireName(String name) {
            return Option.ofOptional(Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst());
        }
    }
}
