package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.time.Instant;

/** What an authenticator carries besides its factor: the name an operator gave it, and when it last proved a login. */
public record AuthenticatorNotes(Option<String> name, Option<Instant> lastUsedAt) {
    public static final AuthenticatorNotes NONE = new AuthenticatorNotes(Option.none(), Option.none());
}
