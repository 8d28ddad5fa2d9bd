package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.PendingAuthenticator;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * One user's authenticators as of one instant. An expired pending authenticator is treated as
 * absent everywhere: it can neither be confirmed nor listed.
 */
public record UserFactors(List<Authenticator> all, Instant now) {

    /** Active, or pending and not yet expired. */
    public List<Authenticator> live() {
        return all.filter(a -> a.isActive() || !((PendingAuthenticator) a).isExpired(now));
    }

    /**
     * What a grant on this login may use: the active authenticators, and the live pending ones that
     * this login may confirm (see {@link PendingAuthenticator#confirmableThrough}). Another login's
     * pending enrollment is not even checked, so its code cannot be tried from here.
     */
    public List<Authenticator> usableThrough(MfaTransaction login) {
        return live().filter(a -> a.isActive() || ((PendingAuthenticator) a).confirmableThrough(login));
    }

    public List<Authenticator> usableThrough(MfaTransaction login, AuthenticatorKind kind) {
        return usableThrough(login).filter(a -> a.id().kind() == kind);
    }

    /** The live pending recovery code handed out with {@code factor}'s enrollment, if any. */
    public Option<PendingAuthenticator> pendingCompanionOf(AuthenticatorId factor) {
        return live(AuthenticatorKind.RECOVERY_CODE).filter(a -> !a.isActive()).map(PendingAuthenticator.class::cast)
                .find(code -> code.enrollment().companionOf().contains(factor));
    }

    public List<Authenticator> expiredPending() {
        return all.filter(a -> a instanceof PendingAuthenticator p && p.isExpired(now));
    }

    public List<ActiveAuthenticator> active() {
        return all.filter(Authenticator::isActive).map(ActiveAuthenticator.class::cast);
    }

    /** Active factors that can be challenged: everything but the recovery code. */
    public List<ActiveAuthenticator> activeReal() {
        return active().filter(a -> a.id().kind() != AuthenticatorKind.RECOVERY_CODE);
    }

    public boolean hasActiveReal() {
        return activeReal().nonEmpty();
    }

    public List<Authenticator> live(AuthenticatorKind kind) {
        return live().filter(a -> a.id().kind() == kind);
    }

    public List<PendingAuthenticator> livePendingReal() {
        return live().filter(a -> a instanceof PendingAuthenticator && a.id().kind() != AuthenticatorKind.RECOVERY_CODE)
                .map(PendingAuthenticator.class::cast);
    }

    public Option<ActiveAuthenticator> activeRecoveryCode() {
        return active().find(a -> a.id().kind() == AuthenticatorKind.RECOVERY_CODE);
    }

    /** What the user could answer a login with now (the {@code mfa_requirements.challenge} types). */
    public List<FactorType> challengeTypes() {
        return active().map(a -> FactorType.of(a.id().kind())).distinct();
    }
}
