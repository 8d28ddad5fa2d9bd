package io.twofold.mfa.http.api.request;

import io.twofold.mfa.error.MfaError;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.util.Map;

/**
 * The longest value each text input may have (README, "Input limits and hardening"). Checked as soon
 * as a request is read, before client authentication, password hashing or any database work, so an
 * over-long value is a 400 {@code invalid_request} and never reaches a column that cannot hold it.
 * Each maximum is generous for real clients and below what the database stores for it.
 */
public final class InputLimits {
    /** A Bearer token in the {@code Authorization} header: an {@code mfa_token} or an MFA API access token (a JWT). */
    public static final int BEARER = 4096;
    /** The id in {@code DELETE /mfa/authenticators/{id}}, like the {@code authenticator_id} parameter. */
    public static final int AUTHENTICATOR_ID = 64;

    /** Per body parameter; a list parameter's limit applies to each element. Unknown parameters are ignored. */
    static final Map<String, Integer> PARAMETERS = Map.ofEntries(
            Map.entry("grant_type", 256),
            Map.entry("client_id", 255),
            Map.entry("client_secret", 512),
            Map.entry("client_assertion", 8192),
            Map.entry("client_assertion_type", 128),
            Map.entry("realm", 255),
            Map.entry("username", 255),
            Map.entry("password", 1024),
            Map.entry("audience", 1024),
            Map.entry("scope", 2048),
            Map.entry("mfa_token", 2048),
            Map.entry("otp", 64),
            Map.entry("oob_code", 1024),
            Map.entry("binding_code", 64),
            Map.entry("recovery_code", 64),
            Map.entry("challenge_type", 64),
            Map.entry("authenticator_id", AUTHENTICATOR_ID),
            Map.entry("authenticator_types", 64),
            Map.entry("oob_channels", 64),
            Map.entry("phone_number", 64),
            Map.entry("email", 254));

    private InputLimits() {
    }

    /** The maximum length of a body parameter, none for a parameter the API does not read. */
    static Option<Integer> maxLength(String parameter) {
        return Option.of(PARAMETERS.get(parameter));
    }

    /** The value, or an {@code invalid_request} when it is longer than {@code max} (the value itself is never quoted). */
    public static Either<MfaError, String> within(String name, String value, int max) {
        return value != null && value.length() > max
                ? Either.left(new MfaError.InvalidRequest(name + " is longer than " + max + " characters"))
                : Either.right(value);
    }

    /** As {@link #within(String, String, int)} with the parameter's own maximum, if it has one. */
    static Either<MfaError, String> within(String parameter, String value) {
        return maxLength(parameter).map(max -> within(parameter, value, max)).getOrElse(Either.right(value));
    }
}
