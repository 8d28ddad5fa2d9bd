package io.twofold.mfa.http.token;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Scope;

/** What a verified machine token ({@code client_credentials}) says: which client, holding which scopes. */
public record MachineClaims(ClientId client, Scope scope) {
    /** The {@code gty} claim of a machine token, as Auth0 writes it. */
    public static final String GRANT_TYPE = "client-credentials";
    /** A machine token's {@code sub} is {@code <client_id>@clients}, as in Auth0. */
    public static final String SUBJECT_SUFFIX = "@clients";
}
