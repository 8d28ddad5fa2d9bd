package io.twofold.mfa.app.e2e;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.otp.internal.Base32;
import io.twofold.mfa.otp.internal.Totp;
import io.twofold.mfa.policy.OtpParameters;
import io.twofold.mfa.testing.MutableClock;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/** The shared test tenant: a bootstrap file with one confidential client and two users, keys, and TOTP codes. */
final class E2eFixture {
    static final String CLIENT_ID = "e2e-app";
    static final String CLIENT_SECRET = "e2e-client-secret-0123456789-abcdefghij";
    /** Refresh tokens without MFA: rotating, 2 h absolute and 1 h idle. */
    static final String SPA_CLIENT_ID = "e2e-spa";
    /** Refresh tokens without MFA: non-rotating and non-expiring, as Auth0 exports an older client. */
    static final String LEGACY_CLIENT_ID = "e2e-legacy";
    /** Password logins without MFA, not allowed the refresh_token grant. */
    static final String PLAIN_CLIENT_ID = "e2e-plain";
    static final String JANE = "jane@example.com";
    static final String JANE_PASSWORD = "jane's long passphrase";
    static final String SAM = "sam@example.com";
    static final String SAM_PASSWORD = "sam's long passphrase";
    static final String SEALING_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String TENANT = "E2E Tenant";

    static final String PASSWORD = "password";
    static final String PASSWORD_REALM = "http://auth0.com/oauth/grant-type/password-realm";
    static final String MFA_OTP = "http://auth0.com/oauth/grant-type/mfa-otp";
    static final String MFA_OOB = "http://auth0.com/oauth/grant-type/mfa-oob";
    static final String MFA_RECOVERY_CODE = "http://auth0.com/oauth/grant-type/mfa-recovery-code";

    private static final Totp TOTP = new Totp(OtpParameters.DEFAULT);

    private E2eFixture() {
    }

    static Path writeBootstrap(Path dir) {
        String json = """
                {"tenant": {"friendly_name": "%s"},
                 "clients": [{"client_id": "%s", "client_secret": "%s", "name": "E2E",
                              "grant_types": ["password", "%s", "%s", "%s", "%s", "refresh_token"], "mfa_policy": "always"},
                             {"client_id": "%s", "client_secret": "%s", "grant_types": ["password", "refresh_token"],
                              "mfa_policy": "never", "refresh_token": {"rotation_type": "rotating",
                              "expiration_type": "expiring", "token_lifetime": 7200, "idle_token_lifetime": 3600}},
                             {"client_id": "%s", "client_secret": "%s", "grant_types": ["password", "refresh_token"],
                              "mfa_policy": "never", "refresh_token": {"rotation_type": "non-rotating",
                              "expiration_type": "non-expiring", "leeway": 0, "infinite_token_lifetime": true,
                              "infinite_idle_token_lifetime": true}},
                             {"client_id": "%s", "client_secret": "%s", "grant_types": ["password"], "mfa_policy": "never"}],
                 "users": [{"realm": "Username-Password-Authentication", "username": "%s", "email": "%s", "password": "%s"},
                           {"realm": "Username-Password-Authentication", "username": "%s", "email": "%s", "password": "%s"}]}
                """.formatted(TENANT, CLIENT_ID, CLIENT_SECRET, PASSWORD_REALM, MFA_OTP, MFA_OOB, MFA_RECOVERY_CODE,
                SPA_CLIENT_ID, CLIENT_SECRET, LEGACY_CLIENT_ID, CLIENT_SECRET, PLAIN_CLIENT_ID, CLIENT_SECRET,
                JANE, JANE, JANE_PASSWORD, SAM, SAM, SAM_PASSWORD);
        try {
            return Files.writeString(dir.resolve("bootstrap.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties every end-to-end app gets: bootstrap, data directory, webhook. */
    static Map<String, Object> properties(Path dir, WebhookRecorder webhook) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("twofold.bootstrap-file", writeBootstrap(dir).toString());
        properties.put("twofold.data-dir", dir.resolve("data").toString());
        properties.put("twofold.sms-webhook.url", webhook.url().toString());
        properties.put("twofold.sms-webhook.secret", WebhookRecorder.SECRET);
        // Tests call the Management API in quick loops; ManagementFoundationTest covers the limit itself.
        properties.put("twofold.management.rate-limit", 100_000);
        return properties;
    }

    /** The same, for an app on an external database (which, unlike the embedded default, needs a sealing key). */
    static Map<String, Object> properties(Path dir, WebhookRecorder webhook, TestDatabase database) {
        Map<String, Object> properties = properties(dir, webhook);
        properties.put("twofold.db.url", database.url());
        properties.put("twofold.db.user", database.user());
        properties.put("twofold.db.password", database.password());
        properties.put("twofold.secret-key", SEALING_KEY);
        return properties;
    }

    /** A clock at the start of a TOTP step, so that moving it by 30 s always reaches the next step. */
    static MutableClock clock() {
        return new MutableClock(Instant.now().truncatedTo(ChronoUnit.MINUTES));
    }

    static String totp(String base32Secret, Instant at) {
        return TOTP.codeAt(Base32.decode(base32Secret), at);
    }
}
