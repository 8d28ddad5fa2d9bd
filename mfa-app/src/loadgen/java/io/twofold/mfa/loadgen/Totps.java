package io.twofold.mfa.loadgen;

import io.twofold.mfa.otp.internal.Totp;
import io.twofold.mfa.policy.OtpParameters;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The generator's authenticator app: codes from the domain's own RFC 6238 code, and seeds derived
 * from the username, so a seeded user's seed is known again in every later run without storing it.
 */
final class Totps {
    static final long PERIOD_MILLIS = 30_000;
    private static final Totp TOTP = new Totp(OtpParameters.DEFAULT);
    private static final byte[] SEED_KEY = "twofold-loadgen-seeds-v1".getBytes(StandardCharsets.US_ASCII);

    private Totps() {
    }

    static long currentStep() {
        return Math.floorDiv(System.currentTimeMillis(), PERIOD_MILLIS);
    }

    static String code(byte[] seed, long step) {
        return TOTP.codeAt(seed, step);
    }

    static String code(byte[] seed, Instant at) {
        return TOTP.codeAt(seed, at);
    }

    /** A 20-byte seed: HMAC-SHA256 of the username under a fixed key. For load tests only. */
    static byte[] seedFor(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SEED_KEY, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)), 20);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256", e);
        }
    }

    /** The first millisecond of the step after {@code step}. */
    static long startOfStepAfter(long step) {
        return (step + 1) * PERIOD_MILLIS;
    }
}
