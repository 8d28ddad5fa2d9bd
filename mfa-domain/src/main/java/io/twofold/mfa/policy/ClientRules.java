package io.twofold.mfa.policy;

import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.vavr.collection.HashSet;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** The rules a client registration must follow, and Auth0's defaults for what an operator leaves out. */
public final class ClientRules {
    /** A secret set by hand is stored as a plain SHA-256, so it must be long and random (as generated ones are). */
    public static final int MIN_SECRET_LENGTH = 32;
    public static final int MIN_SECRET_DISTINCT = 10;
    public static final int MAX_SECRET_LENGTH = 512;
    public static final int MAX_NAME_LENGTH = 200;

    private ClientRules() {
    }

    /** {@code none} (public) for browser and mobile apps, which cannot keep a secret; else {@code client_secret_post}. */
    public static TokenEndpointAuth defaultAuthMethod(Option<String> appType) {
        return appType.exists(type -> type.equals("spa") || type.equals("native"))
                ? TokenEndpointAuth.NONE : TokenEndpointAuth.CLIENT_SECRET_POST;
    }

    /** A machine-to-machine app gets {@code client_credentials}; others the password and MFA grants. */
    public static Set<GrantType> defaultGrantTypes(Option<String> appType) {
        return appType.contains("non_interactive")
                ? HashSet.of(GrantType.CLIENT_CREDENTIALS)
                : HashSet.of(GrantType.PASSWORD, GrantType.MFA_OTP, GrantType.MFA_OOB, GrantType.MFA_RECOVERY_CODE);
    }

    /** RFC 6749 4.4: only a confidential client may use {@code client_credentials}. */
    public static Either<String, Set<GrantType>> grantTypes(TokenEndpointAuth auth, Set<GrantType> grants) {
        return grants.contains(GrantType.CLIENT_CREDENTIALS) && !auth.confidential()
                ? Either.left("client_credentials needs a confidential client (token_endpoint_auth_method other than none)")
                : Either.right(grants);
    }

    public static Either<String, String> name(String name) {
        return name == null || name.isBlank() || name.length() > MAX_NAME_LENGTH
                ? Either.left("name must be 1 to " + MAX_NAME_LENGTH + " characters")
                : Either.right(name);
    }

    /** A secret set by hand: long, and not a word repeated. The message never quotes it. */
    public static Either<String, String> secret(String secret) {
        if (secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH
                || secret.chars().distinct().count() < MIN_SECRET_DISTINCT) {
            return Either.left("client_secret must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                    + " random characters (at least " + MIN_SECRET_DISTINCT + " distinct)");
        }
        return Either.right(secret);
    }
}
