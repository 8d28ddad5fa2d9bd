package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.time.Instant;

/** What a completed login asks tokens for: who, for which client, audience and scope, and when. */
public record TokenRequest(User user, ClientId clientId, Option<String> audience, Scope scope, boolean mfaPassed, Instant at) {
}
