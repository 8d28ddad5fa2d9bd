package io.twofold.mfa.otp;

import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.TotpParameters;
import io.twofold.mfa.otp.internal.Totp;
import io.twofold.mfa.policy.OtpParameters;
import io.twofold.mfa.port.out.OneTimePasswords;
import io.twofold.mfa.port.out.RandomSource;
import io.vavr.control.Option;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** The default {@link OneTimePasswords}: RFC 6238 TOTP with the seeds held in memory. */
public final class RfcOneTimePasswords implements OneTimePasswords {
    /** 160 bits, the length RFC 4226 recommends and the 32-character base32 secret apps expect. */
    static final int SEED_BYTES = 20;

    private final OtpParameters parameters;
    private final RandomSource random;
    private final Totp totp;

    public RfcOneTimePasswords(OtpParameters parameters, RandomSource random) {
        this.parameters = Objects.requireNonNull(parameters, "parameters");
        this.random = Objects.requireNonNull(random, "random");
        this.totp = new Totp(parameters);
    }

    @Override
    public OtpSeed newSeed() {
        byte[] bytes = new byte[SEED_BYTES];
        random.nextBytes(bytes);
        return new OtpSeed(bytes);
    }

    @Override
    public Option<Long> verify(OtpSeed seed, String code, Instant at) {
        return verify(totp, seed, code, at);
    }

    /**
     * The default parameters are this verifier's own (Twofold's enrollments); others (an imported
     * authenticator's) keep this verifier's window of steps either side of now.
     */
    @Override
    public Option<Long> verify(OtpSeed seed, TotpParameters factor, String code, Instant at) {
        if (factor.equals(TotpParameters.DEFAULT)) {
            return verify(seed, code, at);
        }
        OtpParameters own = new OtpParameters(OtpParameters.OtpAlgorithm.valueOf(factor.algorithm().name()),
                factor.digits(), Duration.ofSeconds(factor.periodSeconds()), parameters.window());
        return verify(new Totp(own), seed, code, at);
    }

    private static Option<Long> verify(Totp totp, OtpSeed seed, String code, Instant at) {
        OtpParameters parameters = totp.parameters();
        // The shape check looks only at what the caller sent (length and characters), never at the
        // seed, so rejecting early here tells an attacker nothing they did not already know.
        if (!hasCodeShape(code, parameters.digits())) {
            return Option.none();
        }
        byte[] key = seed.bytes();
        byte[] presented = code.getBytes(StandardCharsets.US_ASCII);
        long current = totp.stepAt(at);
        // Replay protection is the caller's: it records the returned step only if it is later than
        // every accepted one (RFC 6238 5.2), which is why the highest matching step is returned.
        long matched = Long.MIN_VALUE;
        // Every step of the window is computed and compared, with no early exit: stopping at the
        // first match would make the response time reveal which step matched (and how far the
        // user's clock drifts). When several steps match, the highest wins, so that replay
        // protection moves as far forward as the accepted code allows.
        for (long step = current - parameters.window(); step <= current + parameters.window(); step++) {
            byte[] expected = totp.codeAt(key, step).getBytes(StandardCharsets.US_ASCII);
            // Constant-time comparison: a byte-by-byte compare that stops at the first difference
            // would leak how many leading digits are right and let an attacker guess digit by digit.
            boolean equal = MessageDigest.isEqual(expected, presented);
            if (equal) {
                matched = step;
            }
        }
        return matched == Long.MIN_VALUE ? Option.none() : Option.some(matched);
    }

    private static boolean hasCodeShape(String code, int digits) {
        if (code == null || code.length() != digits) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            // ASCII only: Character.isDigit would also accept Arabic-Indic and other digits.
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
