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
                              "grant_types": ["password", "%s", "%s", "%s", "%s"], "mfa_policy": "always"}],
                 "users": [{"realm": "Username-Password-Authentication", "username": "%s", "email": "%s", "password": "%s"},
                           {"realm": "Username-Password-Authentication", "username": "%s", "email": "%s", "password": "%s"}]}
                """.formatted(TENANT, CLIENT_ID, CLIENT_SECRET, PASSWORD_REALM, MFA_OTP, MFA_OOB, MFA_RECOVERY_CODE,
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
