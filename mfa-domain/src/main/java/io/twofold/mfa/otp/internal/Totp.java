package io.twofold.mfa.otp.internal;

import io.twofold.mfa.policy.OtpParameters;

import java.time.Instant;

/** RFC 6238 TOTP: HOTP with the counter set to the number of whole periods since the Unix epoch. */
public final class Totp {
    private final OtpParameters parameters;
    private final long periodSeconds;

    public Totp(OtpParameters parameters) {
        this.parameters = parameters;
        this.periodSeconds = parameters.period().toSeconds();
    }

    /** The time step that contains {@code at} (T0 = 0; floor, also before 1970). */
    public long stepAt(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), periodSeconds);
    }

    /** The code valid during time step {@code step}. */
    public String codeAt(byte[] key, long step) {
        return Hotp.code(parameters.algorithm(), key, step, parameters.digits());
    }

    /** The code valid at {@code at}. */
    public String codeAt(byte[] key, Instant at) {
        return codeAt(key, stepAt(at));
    }

    public OtpParameters parameters() {
        return parameters;
    }
}
