package io.twofold.mfa.model;

import io.vavr.control.Option;

/** Which client grants to list: of one client, for one audience, both, or all. */
public record ClientGrantFilter(Option<ClientId> client, Option<String> audience) {
    public static final ClientGrantFilter ALL = new ClientGrantFilter(Option.none(), Option.none());
}
