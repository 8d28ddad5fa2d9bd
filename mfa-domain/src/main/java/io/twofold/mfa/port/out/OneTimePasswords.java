package io.twofold.mfa.port.out;

import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.TotpParameters;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * Makes TOTP seeds and checks codes. The domain ships the RFC 6238 implementation; a host may plug
 * in one whose seeds never leave an HSM.
 */
public interface OneTimePasswords {

    /** A new random seed (160 bits for the default). */
    OtpSeed newSeed();

    /**
     * The latest time step of the window around {@code at} that the code matches; none when it
     * matches none. Every step is checked, in constant time, so the timing does not tell which step
     * matched. The caller records the step (replay protection), so it must get the step, not a boolean.
     */
    Option<Long> verify(OtpSeed seed, String code, Instant at);

    /**
     * As {@link #verify(OtpSeed, String, Instant)}, for an authenticator whose codes are made with
     * {@code parameters} (an imported one's algorithm, digits and period); the step is in units of
     * its period. A verifier that knows only the default parameters refuses every other: none.
     */
    default Option<Long> verify(OtpSeed seed, TotpParameters parameters, String code, Instant at) {
        return parameters.equals(TotpParameters.DEFAULT) ? verify(seed, code, at) : Option.none();
    }
}
