package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.ChallengeId;
import io.twofold.mfa.model.Factor;
import io.twofold.mfa.model.OobChallenge;
import io.twofold.mfa.model.OobChannel;
import io.twofold.mfa.model.OobMessage;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.policy.Lifetimes;
import io.twofold.mfa.port.out.DeliveryException;
import io.twofold.mfa.port.out.EmailSender;
import io.twofold.mfa.port.out.OobSender;
import io.twofold.mfa.port.out.SmsSender;
import io.twofold.mfa.port.out.VoiceSender;
import io.twofold.mfa.secret.internal.SecretGenerator;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

/**
 * Sends a binding code out of band and prepares the matching challenge. The challenge is returned,
 * not saved: the caller saves it only after the send succeeded, so a failed delivery leaves
 * nothing that could be answered.
 */
public final class OobDispatcher {
    private final SmsSender sms;
    private final VoiceSender voice;
    private final EmailSender email;
    private final SendLimiter sendLimiter;
    private final SecretGenerator secrets;
    private final Lifetimes lifetimes;
    private final String tenantName;
    private final Clock clock;

    public OobDispatcher(SmsSender sms, VoiceSender voice, EmailSender email, SendLimiter sendLimiter,
                         SecretGenerator secrets, Lifetimes lifetimes, String tenantName, Clock clock) {
        this.sms = sms;
        this.voice = voice;
        this.email = email;
        this.sendLimiter = sendLimiter;
        this.secrets = secrets;
        this.lifetimes = lifetimes;
        this.tenantName = tenantName;
        this.clock = clock;
    }

    /** The code sent and the unsaved challenge for it; the {@code oob_code} goes to the client once. */
    public record Sent(String oobCode, OobChallenge challenge) {
        @Override
        public String toString() {
            return "Sent[oobCode=***, challenge=" + challenge.id() + "]";
        }
    }

    /** A code to an address the user is enrolling; charged to the user's enrollment budget too. */
    public Either<MfaError, Sent> sendForEnrollment(UserId user, AuthenticatorId authenticator, Factor.Oob factor,
                                             Option<String> endUserIp) {
        return sendLimiter.takeForEnrollment(user, factor, endUserIp).flatMap(f -> send(user, authenticator, f));
    }

    /** A code to one of the user's confirmed factors. */
    public Either<MfaError, Sent> sendForChallenge(UserId user, AuthenticatorId authenticator, Factor.Oob factor,
                                            Option<String> endUserIp) {
        return sendLimiter.takeForChallenge(factor, endUserIp).flatMap(f -> send(user, authenticator, f));
    }

    // Every limit has been checked and charged by now, each in its own statement: no send runs inside a unit of work.
    private Either<MfaError, Sent> send(UserId user, AuthenticatorId authenticator, Factor.Oob factor) {
        String bindingCode = secrets.bindingCode();
        String oobCode = secrets.opaqueToken();
        try {
            senderFor(factor.channel()).send(new OobMessage(factor.channel(), factor.address(), bindingCode,
                    text(bindingCode)));
        } catch (DeliveryException e) {
            return Either.left(new MfaError.DeliveryFailed(factor.channel().wireName()));
        }
        Instant now = clock.instant();
        // The 6-digit code is hashed keyed by the oob_code, so the stored hash alone cannot be brute-forced.
        OobChallenge challenge = OobChallenge.sent(new ChallengeId(secrets.internalId()), SecretHash.of(oobCode),
                SecretHash.of(oobCode, bindingCode), authenticator, user, now, now.plus(lifetimes.oobCode()));
        return Either.right(new Sent(oobCode, challenge));
    }

    private String text(String bindingCode) {
        return bindingCode + " is your " + tenantName + " verification code. It expires in "
                + lifetimes.oobCode().toMinutes() + " minutes.";
    }

    private OobSender senderFor(OobChannel channel) {
        return switch (channel) {
            case SMS -> sms;
            case VOICE -> voice;
            case EMAIL -> email;
        };
    }
}
