package io.twofold.mfa.http.management.clients;

import io.twofold.mfa.model.RefreshTokenPolicy;
import io.twofold.mfa.model.RefreshTokenPolicy.Rotation;
import io.vavr.control.Option;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client's {@code refresh_token} object, Auth0's shape: {@code rotation_type}, {@code expiration_type},
 * {@code token_lifetime}, {@code idle_token_lifetime}, {@code infinite_token_lifetime},
 * {@code infinite_idle_token_lifetime}, {@code leeway} (accepted, always 0: Twofold has no rotation
 * overlap). A member not given keeps the client's value (a new client's: Auth0's defaults); other
 * members Auth0 knows (such as {@code policies}) are ignored.
 */
final class RefreshTokenBody {
    /** Auth0's upper bound for both lifetimes: one year. */
    static final long MAX_SECONDS = 31_557_600;

    private RefreshTokenBody() {
    }

    static RefreshTokenPolicy read(BodyReader reader, RefreshTokenPolicy base) {
        Rotation rotation = reader.text("rotation_type", 32).map(name -> Rotation.byWireName(name)
                        .getOrElseThrow(() -> BodyReader.invalid("refresh_token.rotation_type",
                                "Must be rotating or non-rotating")))
                .getOrElse(base.rotation());
        Option<Boolean> nonExpiring = reader.text("expiration_type", 32).map(type -> switch (type) {
            case "expiring" -> false;
            case "non-expiring" -> true;
            default -> throw BodyReader.invalid("refresh_token.expiration_type", "Must be expiring or non-expiring");
        });
        reader.integer("leeway").filter(leeway -> leeway < 0 || leeway > MAX_SECONDS).forEach(leeway -> {
            throw BodyReader.invalid("refresh_token.leeway", "Must be a whole number of seconds");
        });
        Option<Duration> lifetime = lifetime(reader, "token_lifetime", "infinite_token_lifetime", nonExpiring,
                base.lifetime(), RefreshTokenPolicy.DEFAULT.lifetime());
        Option<Duration> idle = lifetime(reader, "idle_token_lifetime", "infinite_idle_token_lifetime", nonExpiring,
                base.idleLifetime(), RefreshTokenPolicy.DEFAULT.idleLifetime());
        return new RefreshTokenPolicy(rotation, lifetime, idle);
    }

    private static Option<Duration> lifetime(BodyReader reader, String seconds, String infinite,
                                             Option<Boolean> nonExpiring, Option<Duration> base,
                                             Option<Duration> fallback) {
        Option<Duration> given = reader.integer(seconds).map(value -> {
            if (value < 1 || value > MAX_SECONDS) {
                throw BodyReader.invalid("refresh_token." + seconds, "Must be from 1 to " + MAX_SECONDS + " seconds");
            }
            return Duration.ofSeconds(value);
        });
        if (nonExpiring.contains(true) || reader.bool(infinite).contains(true)) {
            return Option.none();
        }
        if (given.isDefined()) {
            return given;
        }
        // Made finite without a number: the one it had, else Auth0's default.
        boolean madeFinite = nonExpiring.contains(false) || reader.bool(infinite).contains(false);
        return madeFinite ? base.orElse(fallback) : base;
    }

    static Map<String, Object> render(RefreshTokenPolicy policy) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rotation_type", policy.rotation().wireName());
        body.put("expiration_type", policy.lifetime().isEmpty() && policy.idleLifetime().isEmpty()
                ? "non-expiring" : "expiring");
        body.put("leeway", 0);
        policy.lifetime().forEach(lifetime -> body.put("token_lifetime", lifetime.toSeconds()));
        body.put("infinite_token_lifetime", policy.lifetime().isEmpty());
        policy.idleLifetime().forEach(idle -> body.put("idle_token_lifetime", idle.toSeconds()));
        body.put("infinite_idle_token_lifetime", policy.idleLifetime().isEmpty());
        return body;
    }
}
