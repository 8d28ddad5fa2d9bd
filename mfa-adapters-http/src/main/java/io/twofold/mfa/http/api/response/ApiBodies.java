package io.twofold.mfa.http.api.response;

import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.port.in.Association;
import io.twofold.mfa.port.in.AuthenticatorView;
import io.twofold.mfa.port.in.Challenge;
import io.twofold.mfa.port.in.RecoveryLogin;
import io.vavr.collection.List;

import java.util.LinkedHashMap;
import java.util.Map;

/** The success bodies of the API, member by member as spec sections 3.1, 4.3, 6.3 and 7.2 show them. */
public final class ApiBodies {

    private static final String BINDING_PROMPT = "prompt";

    private ApiBodies() {
    }

    public static Map<String, Object> tokens(IssuedTokens tokens) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.accessToken());
        tokens.idToken().forEach(id -> body.put("id_token", id));
        tokens.refreshToken().forEach(refresh -> body.put("refresh_token", refresh));
        tokens.recoveryCode().forEach(code -> body.put("recovery_code", code));
        body.put("token_type", tokens.tokenType() == null || tokens.tokenType().isBlank() ? "Bearer" : tokens.tokenType());
        body.put("expires_in", tokens.expiresIn());
        if (tokens.scope() != null && !tokens.scope().isEmpty()) {
            body.put("scope", tokens.scope().toString());
        }
        return body;
    }

    public static Map<String, Object> recoveryTokens(RecoveryLogin login) {
        Map<String, Object> body = tokens(login.tokens());
        body.put("recovery_code", login.newRecoveryCode());
        return body;
    }

    /** {@code id} is not in Auth0's reply, but auth0-auth-js reads it. */
    public static Map<String, Object> association(Association association) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", association.authenticatorId().value());
        if (association instanceof Association.Otp otp) {
            body.put("authenticator_type", "otp");
            body.put("secret", otp.secret());
            body.put("barcode_uri", otp.barcodeUri());
        } else if (association instanceof Association.Oob oob) {
            body.put("authenticator_type", "oob");
            body.put("oob_channel", oob.channel().wireName());
            body.put("oob_code", oob.oobCode());
            body.put("binding_method", BINDING_PROMPT);
        }
        association.recoveryCode().forEach(code -> body.put("recovery_codes", java.util.List.of(code)));
        return body;
    }

    public static Map<String, Object> challenge(Challenge challenge) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (challenge instanceof Challenge.Oob oob) {
            body.put("challenge_type", "oob");
            body.put("oob_code", oob.oobCode());
            body.put("binding_method", BINDING_PROMPT);
        } else {
            body.put("challenge_type", "otp");
        }
        return body;
    }

    public static java.util.List<Map<String, Object>> authenticators(List<AuthenticatorView> views) {
        return views.map(ApiBodies::authenticator).toJavaList();
    }

    /**
     * Auth0's members ({@code id}, {@code authenticator_type}, {@code active} always, {@code oob_channel},
     * {@code name}), plus {@code oob_channels} and {@code type}, which auth0-auth-js reads instead.
     */
    private static Map<String, Object> authenticator(AuthenticatorView view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", view.id().value());
        body.put("authenticator_type", view.authenticatorType());
        body.put("active", view.active());
        view.oobChannel().forEach(channel -> {
            body.put("oob_channel", channel.wireName());
            body.put("oob_channels", java.util.List.of(channel.wireName()));
        });
        view.name().forEach(name -> body.put("name", name));
        body.put("type", factorType(view));
        return body;
    }

    /** The factor names of {@code mfa_requirements}: otp, phone, email, recovery-code. */
    private static String factorType(AuthenticatorView view) {
        return view.oobChannel()
                .map(channel -> switch (channel) {
                    case SMS, VOICE -> "phone";
                    case EMAIL -> "email";
                })
                .getOrElse(view.authenticatorType());
    }
}
