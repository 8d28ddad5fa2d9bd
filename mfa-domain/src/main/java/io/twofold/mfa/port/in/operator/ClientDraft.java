package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.RefreshTokenPolicy;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.vavr.collection.Set;
import io.vavr.control.Option;

/**
 * A client to register. What is not given takes Auth0's defaults: {@code none} (public) for the
 * {@code spa} and {@code native} app types, else {@code client_secret_post}; grant types
 * {@code client_credentials} for {@code non_interactive}, else the password and MFA grants;
 * Twofold's MFA policy {@code always}. JSON members are JSON object text the domain keeps verbatim.
 */
public record ClientDraft(String name, Option<String> description, Option<String> appType,
                          Option<TokenEndpointAuth> authMethod, Option<Set<GrantType>> grantTypes,
                          Option<MfaPolicy> mfaPolicy, Option<String> metadataJson, Option<String> extraJson,
                          Option<RefreshTokenPolicy> refreshTokens) {

    /** A draft with the default refresh-token policy. */
    public ClientDraft(String name, Option<String> description, Option<String> appType,
                       Option<TokenEndpointAuth> authMethod, Option<Set<GrantType>> grantTypes,
                       Option<MfaPolicy> mfaPolicy, Option<String> metadataJson, Option<String> extraJson) {
        this(name, description, appType, authMethod, grantTypes, mfaPolicy, metadataJson, extraJson, Option.none());
    }
}
