package io.twofold.mfa.fake;

import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.Enrollment;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.PhoneNumber;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Small builders for authenticators in tests; ids come from a number, so tests stay deterministic. */
public final class Authenticators {

    /** The lifetime a pending authenticator gets from these builders. */
    public static final Duration PENDING_LIFETIME = Duration.ofHours(24);

    private Authenticators() {
    }

    /** An id like {@code totp|dev_0000000000000042}. */
    public static AuthenticatorId id(AuthenticatorKind kind, long number) {
        return new AuthenticatorId(kind, String.format("dev_%016d", number));
    }

    /** A 20-byte seed whose bytes are {@code fill, fill+1, ...}. */
    public static OtpSeed seed(int fill) {
        byte[] bytes = new byte[20];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (fill + i);
        }
        return new OtpSeed(bytes);
    }

    /** Pending as if begun with an MFA API access token: any login of the user may confirm it. */
    public static PendingAuthenticator pending(AuthenticatorId id, UserId user, Factor factor, Instant createdAt) {
        return pending(id, user, factor, createdAt, Enrollment.throughAccessToken());
    }

    public static PendingAuthenticator pending(AuthenticatorId id, UserId user, Factor factor, Instant createdAt,
                                               Enrollment enrollment) {
        return new PendingAuthenticator(id, user, factor, createdAt, createdAt.plus(PENDING_LIFETIME), enrollment);
    }

    public static PendingAuthenticator pendingTotp(UserId user, long number, OtpSeed seed, Instant createdAt) {
        return pending(id(AuthenticatorKind.TOTP, number), user, new Factor.Totp(seed), createdAt);
    }

    public static PendingAuthenticator pendingTotp(UserId user, Clock clock) {
        return pendingTotp(user, 1, seed(1), clock.instant());
    }

    public static PendingAuthenticator pendingSms(UserId user, long number, String e164, Instant createdAt) {
        return pending(id(AuthenticatorKind.SMS, number), user,
                Factor.Oob.phone(OobChannel.SMS, new PhoneNumber(e164)), createdAt);
    }

    public static PendingAuthenticator pendingVoice(UserId user, long number, String e164, Instant createdAt) {
        return pending(id(AuthenticatorKind.VOICE, number), user,
                Factor.Oob.phone(OobChannel.VOICE, new PhoneNumber(e164)), createdAt);
    }

    public static PendingAuthenticator pendingEmail(UserId user, long number, String email, Instant createdAt) {
        return pending(id(AuthenticatorKind.EMAIL, number), user,
                Factor.Oob.email(new EmailAddress(email)), createdAt);
    }

    public static PendingAuthenticator pendingRecoveryCode(UserId user, long number, String code, Instant createdAt) {
        return pending(id(AuthenticatorKind.RECOVERY_CODE, number), user,
                new Factor.RecoveryCode(SecretHash.of(code)), createdAt);
    }

    /** An authenticator confirmed one minute after it was created. */
    public static ActiveAuthenticator active(PendingAuthenticator pending) {
        return pending.confirm(pending.createdAt().plus(Duration.ofMinutes(1)));
    }
}
