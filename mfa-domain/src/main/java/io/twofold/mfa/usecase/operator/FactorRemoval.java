package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.model.UserId;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.vavr.collection.List;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Removes some of a user's authenticators for an operator, with what must go with them: a pending
 * recovery code handed out with a removed enrollment; the recovery code itself once no real factor
 * (active or live pending) is left, so that the user enrolls afresh and gets a new one, as on the
 * MFA API; and the open challenges sent to removed factors, so an {@code oob_code} already sent to a
 * removed phone verifies nothing. Call it inside the caller's unit of work.
 */
final class FactorRemoval {
    static final String DELETED = "mgmt.authentication_method.deleted";

    private final AuthenticatorStore authenticators;
    private final ChallengeStore challenges;
    private final AuditTrail audit;
    private final Clock clock;

    FactorRemoval(AuthenticatorStore authenticators, ChallengeStore challenges, AuditTrail audit, Clock clock) {
        this.authenticators = authenticators;
        this.challenges = challenges;
        this.audit = audit;
        this.clock = clock;
    }

    /** Removes the user's authenticators that {@code doomed} picks among {@code all}, and what goes with them. */
    List<AuthenticatorId> remove(ClientId actor, UserId user, List<Authenticator> all, Predicate<AuthenticatorId> doomed) {
        return remove(actor, user, all, doomed, false);
    }

    /**
     * As {@link #remove(ClientId, UserId, List, Predicate)}; {@code replaced} says that new real factors
     * take the removed ones' place in the same unit of work, so the recovery code stays.
     */
    List<AuthenticatorId> remove(ClientId actor, UserId user, List<Authenticator> all, Predicate<AuthenticatorId> doomed,
                                 boolean replaced) {
        Instant now = clock.instant();
        List<AuthenticatorId> named = all.map(Authenticator::id).filter(doomed);
        List<AuthenticatorId> companions = all.filter(a -> a instanceof PendingAuthenticator p
                        && p.enrollment().companionOf().exists(named::contains))
                .map(Authenticator::id);
        boolean realFactorLeft = replaced || all.exists(a -> !named.contains(a.id()) && !isRecoveryCode(a.id())
                && (a.isActive() || !((PendingAuthenticator) a).isExpired(now)));
        List<AuthenticatorId> recoveryCodes = realFactorLeft
                ? List.empty()
                : all.map(Authenticator::id).filter(FactorRemoval::isRecoveryCode);
        List<AuthenticatorId> removed = named.appendAll(companions).appendAll(recoveryCodes).distinct();
        authenticators.remove(user, removed);
        challenges.removeByAuthenticators(removed);
        removed.forEach(id -> audit.record(DELETED, user, actor, "authentication_method", id.value()));
        return removed;
    }

    static boolean isRecoveryCode(AuthenticatorId id) {
        return id.kind() == AuthenticatorKind.RECOVERY_CODE;
    }
}
