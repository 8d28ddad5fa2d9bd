package io.twofold.mfa.model;

import io.vavr.control.Option;

import java.util.Objects;

/**
 * What the Management API shows of a client beyond what token grants need: description, Auth0
 * {@code app_type}, how it authenticates at the token endpoint, its metadata, and any other Auth0
 * client fields an operator sent, kept verbatim (JSON object text) so that SDKs can round-trip them.
 */
public record ClientProfile(Option<String> description, Option<String> appType, TokenEndpointAuth authMethod,
                            Option<String> metadataJson, Option<String> extraJson) {
    public ClientProfile {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(appType, "appType");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(metadataJson, "metadataJson");
        Objects.requireNonNull(extraJson, "extraJson");
    }

    /** The profile of a client registered without one (the bootstrap file). */
    public static ClientProfile basic(boolean confidential) {
        return new ClientProfile(Option.none(), Option.none(),
                confidential ? TokenEndpointAuth.CLIENT_SECRET_POST : TokenEndpointAuth.NONE,
                Option.none(), Option.none());
    }
}
