package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.RefreshTokenPolicy;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/** What a PATCH of a client changes; an absent member keeps its value. {@code secret} sets a new one (redacted in {@link #toString}). */
public record ClientChanges(Option<String> name, Option<String> description, Option<String> appType,
                            Option<TokenEndpointAuth> authMethod, Option<Set<GrantType>> grantTypes,
                            Option<MfaPolicy> mfaPolicy, Option<String> metadataJson, Option<String> extraJson,
                            Option<String> secret, Option<RefreshTokenPolicy> refreshTokens) {

    /** Changes that keep the refresh-token policy. */
    public ClientChanges(Option<String> name, Option<String> description, Option<String> appType,
                         Option<TokenEndpointAuth> authMethod, Option<Set<GrantType>> grantTypes,
                         Option<MfaPolicy> mfaPolicy, Option<String> metadataJson, Option<String> extraJson,
                         Option<String> secret) {
        this(name, description, appType, authMethod, grantTypes, mfaPolicy, metadataJson, extraJson, secret,
                Option.none());
    }

    @Override
    public String toString() {
        return "ClientChanges[name=" + name + ", authMethod=" + authMethod + ", grantTypes=" + grantTypes
                + ", mfaPolicy=" + mfaPolicy + ", secret=" + (secret.isDefined() ? "***" : "unchanged") + "]";
    }
}
