package io.twofold.mfa.port.out;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.User;
import io.vavr.control.Option;

import java.time.Instant;

/** What a completed login asks tokens for: who, for which client, audience and scope, and when. */
public record TokenRequest(User user, ClientId clientId, Option<String> audience, Scope scope, boolean mfaPassed, Instant at) {
}
