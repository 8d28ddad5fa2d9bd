package io.twofold.mfa.model;

import io.vavr.collection.List;
import io.vavr.control.Option;

/** The users files an import reads: Auth0's bulk import schema, or a Keycloak realm export. */
public enum UsersFileFormat {
    AUTH0, KEYCLOAK;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Option<UsersFileFormat> byWireName(String name) {
        return List.of(values()).find(format -> format.wireName().equals(name));
    }
}
