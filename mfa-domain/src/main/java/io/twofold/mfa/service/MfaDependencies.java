package io.twofold.mfa.service;

import io.twofold.mfa.policy.MfaSettings;
import io.twofold.mfa.port.out.AttemptCounterStore;
import io.twofold.mfa.port.out.AuditLog;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.port.out.ClientRegistry;
import io.twofold.mfa.port.out.EmailSender;
import io.twofold.mfa.port.out.LoginStateStore;
import io.twofold.mfa.port.out.OneTimePasswords;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.SmsSender;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UserDirectory;
import io.twofold.mfa.port.out.VoiceSender;

import java.time.Clock;

/** Everything the use cases need from outside: the outbound ports, the clock, randomness and settings. */
public record MfaDependencies(
        UserDirectory users,
        ClientRegistry clients,
        AuthenticatorStore authenticators,
        TransactionStore transactions,
        LoginStateStore loginStates,
        ChallengeStore challenges,
        AttemptCounterStore attemptCounters,
        TokenIssuer tokens,
        OneTimePasswords otp,
        SmsSender sms,
        VoiceSender voice,
        EmailSender email,
        UnitOfWork unitOfWork,
        AuditLog audit,
        Clock clock,
        RandomSource random,
        MfaSettings settings) {
}
