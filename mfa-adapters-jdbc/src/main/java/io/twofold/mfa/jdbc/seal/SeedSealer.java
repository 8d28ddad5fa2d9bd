package io.twofold.mfa.jdbc.seal;

import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.UserId;

import java.util.Arrays;

/**
 * Seals TOTP seeds. The user id and the authenticator id are the associated data: a sealed seed
 * moved to another row (another user, another authenticator) fails to open instead of working there.
 */
public final class SeedSealer {
    private static final String PURPOSE = "totp-seed";

    private final Sealer sealer;

    public SeedSealer(Sealer sealer) {
        this.sealer = sealer;
    }

    public Sealed seal(UserId user, AuthenticatorId id, OtpSeed seed) {
        byte[] bytes = seed.bytes();
        try {
            return sealer.seal(bytes, owner(user, id));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The seed; throws {@link SealingException} (naming no secret) when it was sealed for another owner. */
    public OtpSeed open(UserId user, AuthenticatorId id, Sealed sealed) {
        byte[] bytes = sealer.open(sealed, owner(user, id));
        try {
            return new OtpSeed(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The seed sealed again under the current key, for {@code reseal}; it is never handed out in clear. */
    public Sealed reseal(UserId user, AuthenticatorId id, Sealed sealed) {
        return sealer.reseal(sealed, owner(user, id));
    }

    private static byte[] owner(UserId user, AuthenticatorId id) {
        return Sealer.associatedData(PURPOSE, user.value(), id.value());
    }
}
