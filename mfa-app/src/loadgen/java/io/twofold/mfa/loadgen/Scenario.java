package io.twofold.mfa.loadgen;

import io.twofold.mfa.otp.internal.Base32;

/**
 * One measured operation for one user. Returns whether it succeeded; the runner times it and
 * puts the user back when it may act again.
 */
interface Scenario {

    boolean run(VirtualUser user);

    /** False once the user has nothing left to do in this run (no mfa_token left, or enrolled). */
    default boolean reusable(VirtualUser user) {
        return true;
    }

    /** (1) Full MFA login: password-realm, 403 mfa_required, then mfa-otp with the current code. */
    static Scenario login(TwofoldClient client, String realm, String scope) {
        return user -> {
            TwofoldClient.Response first = client.passwordLogin(user, realm, scope);
            if (first.status() != 403 || !"mfa_required".equals(first.error())) {
                return false;
            }
            return client.mfaOtp(first.text("mfa_token"), nextCode(user)).ok();
        };
    }

    /** (2) The second factor alone: one mfa-otp grant against a pre-made transaction. */
    static Scenario secondFactor(TwofoldClient client) {
        return new Scenario() {
            @Override
            public boolean run(VirtualUser user) {
                String token = user.mfaTokens.poll();
                return token != null && client.mfaOtp(token, nextCode(user)).ok();
            }

            @Override
            public boolean reusable(VirtualUser user) {
                return !user.mfaTokens.isEmpty();
            }
        };
    }

    /**
     * (3) Enrollment: associate otp with a pre-made mfa_token, read the secret from the response,
     * confirm with its current code. The user's derived seed is not used: the server chose this one.
     */
    static Scenario enroll(TwofoldClient client) {
        return new Scenario() {
            @Override
            public boolean run(VirtualUser user) {
                String token = user.mfaTokens.poll();
                if (token == null) {
                    return false;
                }
                TwofoldClient.Response associated = client.associateOtp(token);
                if (!associated.ok()) {
                    return false;
                }
                byte[] seed = Base32.decode(associated.text("secret"));
                long step = Totps.currentStep();
                user.lastStep = step;
                return client.mfaOtp(token, Totps.code(seed, step)).ok();
            }

            @Override
            public boolean reusable(VirtualUser user) {
                return false;
            }
        };
    }

    /**
     * (4) Machine tokens: one client_credentials grant for {@code audience} (the Management API), a
     * success on 200 with an access_token. The virtual user only paces the workers; it has no state.
     */
    static Scenario clientCredentials(TwofoldClient client, String audience) {
        return user -> {
            TwofoldClient.Response response = client.clientCredentials(audience);
            return response.ok() && !response.text("access_token").isEmpty();
        };
    }

    /** (5) Keycloak's cheapest token: client_credentials, a success on 200 with an access_token. */
    static Scenario keycloakClientCredentials(KeycloakClient client) {
        return user -> {
            TwofoldClient.Response response = client.clientCredentials();
            return response.ok() && !response.text("access_token").isEmpty();
        };
    }

    /** (6) Keycloak's whole MFA login in one request: direct grant with password and the current TOTP code. */
    static Scenario keycloakLogin(KeycloakClient client, String scope) {
        return user -> {
            TwofoldClient.Response response = client.passwordAndOtp(user, nextCode(user), scope);
            return response.ok() && !response.text("access_token").isEmpty();
        };
    }

    /** The code of the current step, or a later one when the current step was already used. */
    private static String nextCode(VirtualUser user) {
        long step = Math.max(Totps.currentStep(), user.lastStep + 1);
        user.lastStep = step;
        return Totps.code(user.seed, step);
    }
}
