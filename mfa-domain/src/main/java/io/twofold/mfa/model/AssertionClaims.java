package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.time.Instant;
import java.util.Objects;

/** The claims of a client assertion whose signature and audience were verified; the rest is for the domain to judge. */
public record AssertionClaims(Option<String> issuer, Option<String> subject, Option<Instant> expiresAt,
                              Option<Instant> issuedAt, Option<Instant> notBefore, Option<String> jti) {
    public AssertionClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(jti, "jti");
    }
}
