package io.twofold.mfa.policy;

import io.twofold.mfa.model.AssertionClaims;
import io.twofold.mfa.model.ClientId;
import io.vavr.control.Either;

import java.time.Duration;
import java.time.Instant;

/**
 * The claims rule of a client assertion (RFC 7523 section 3), after its signature and audience were
 * verified: {@code iss} and {@code sub} are the client, {@code exp} is in the future and at most
 * {@link #MAX_LIFETIME} away, {@code iat} and {@code nbf} not in the future, and a {@code jti} names
 * it, so that it can be used once. {@link #SKEW} forgives clocks that disagree a little.
 */
public final class ClientAssertionRules {
    /** The longest an assertion may still be valid: a stolen one is worth five minutes at most. */
    public static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    /** How far the client's clock may be from ours. */
    public static final Duration SKEW = Duration.ofSeconds(30);
    /** The longest {@code jti} the store keeps. */
    public static final int MAX_JTI = 255;

    /** An assertion that may be used once: its id and when it expires (until then, its id is remembered). */
    public record Admitted(String jti, Instant expiresAt) {
    }

    private ClientAssertionRules() {
    }

    /** The assertion to use once, or why not (for tests and debugging; never shown to the client). */
    public static Either<String, Admitted> admit(AssertionClaims claims, ClientId client, Instant now) {
        if (!claims.issuer().contains(client.value()) || !claims.subject().contains(client.value())) {
            return Either.left("iss and sub must be the client id");
        }
        if (claims.expiresAt().isEmpty()) {
            return Either.left("exp is required");
        }
        Instant expiresAt = claims.expiresAt().get();
        if (!expiresAt.isAfter(now.minus(SKEW))) {
            return Either.left("expired");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME).plus(SKEW))) {
            return Either.left("exp is too far in the future");
        }
        if (claims.issuedAt().exists(iat -> iat.isAfter(now.plus(SKEW)))
                || claims.notBefore().exists(nbf -> nbf.isAfter(now.plus(SKEW)))) {
            return Either.left("not valid yet");
        }
        if (claims.jti().filter(jti -> !jti.isBlank() && jti.length() <= MAX_JTI).isEmpty()) {
            return Either.left("jti is required");
        }
        // Remember it at least until the skew would still let it pass.
        return Either.right(new Admitted(claims.jti().get(), expiresAt.plus(SKEW)));
    }
}
