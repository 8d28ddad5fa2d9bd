package io.twofold.mfa.service;

import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.PendingAuthenticator;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * One user's authenticators as of one instant. An expired pending authenticator is treated as
 * absent everywhere: it can neither be confirmed nor listed.
 */
record UserFactors(List<Authenticator> all, Instant now) {

    /** Active, or pending and not yet expired. */
    List<Authenticator> live() {
        return all.filter(a -> a.isActive() || !((PendingAuthenticator) a).isExpired(now));
    }

    /**
     * What a grant on this login may use: the active authenticators, and the live pending ones that
     * this login may confirm (see {@link PendingAuthenticator#confirmableThrough}). Another login's
     * pending enrollment is not even checked, so its code cannot be tried from here.
     */
    List<Authenticator> usableThrough(MfaTransaction login) {
        return live().filter(a -> a.isActive() || ((PendingAuthenticator) a).confirmableThrough(login));
    }

    List<Authenticator> usableThrough(MfaTransaction login, AuthenticatorKind kind) {
        return usableThrough(login).filter(a -> a.id().kind() == kind);
    }

    /** The live pending recovery code handed out with {@code factor}'s enrollment, if any. */
    Option<PendingAuthenticator> pendingCompanionOf(AuthenticatorId factor) {
        return live(AuthenticatorKind.RECOVERY_CODE).filter(a -> !a.isActive()).map(PendingAuthenticator.class::cast)
                .find(code -> code.enrollment().companionOf().contains(factor));
    }

    List<Authenticator> expiredPending() {
        return all.filter(a -> a instanceof PendingAuthenticator p && p.isExpired(now));
    }

    List<ActiveAuthenticator> active() {
        return all.filter(Authenticator::isActive).map(ActiveAuthenticator.class::cast);
    }

    /** Active factors that can be challenged: everything but the recovery code. */
    List<ActiveAuthenticator> activeReal() {
        return active().filter(a -> a.id().kind() != AuthenticatorKind.RECOVERY_CODE);
    }

    boolean hasActiveReal() {
        return activeReal().nonEmpty();
    }

    List<Authenticator> live(AuthenticatorKind kind) {
        return live().filter(a -> a.id().kind() == kind);
    }

    List<PendingAuthenticator> livePendingReal() {
        return live().filter(a -> a instanceof PendingAuthenticator && a.id().kind() != AuthenticatorKind.RECOVERY_CODE)
                .map(PendingAuthenticator.class::cast);
    }

    Option<ActiveAuthenticator> activeRecoveryCode() {
        return active().find(a -> a.id().kind() == AuthenticatorKind.RECOVERY_CODE);
    }

    /** The {@code mfa_requirements.challenge} types: what the user could answer with now. */
    List<String> challengeTypes() {
        return active().map(a -> challengeType(a.id().kind())).distinct();
    }

    private static String challengeType(AuthenticatorKind kind) {
        return switch (kind) {
            case TOTP -> "otp";
            case SMS, VOICE -> "phone";
            case EMAIL -> "email";
            case RECOVERY_CODE -> "recovery-code";
        };
    }
}
