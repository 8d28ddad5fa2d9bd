package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.model.ActiveAuthenticator;
import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.TenantPolicy;
import io.vavr.collection.HashSet;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.PendingAuthenticator;
import io.twofold.mfa.port.out.AuthenticatorStore;

import java.time.Clock;
import java.time.Instant;

/**
 * The first valid code for a pending authenticator confirms it (spec 5), and with it the recovery
 * code handed out by the same enrollment. Every other pending enrollment of the user is then
 * discarded, so nothing begun before (by an attacker holding only the password, say) survives the
 * user's own enrollment to be confirmed later.
 */
public final class Confirmation {
    private final AuthenticatorStore authenticators;
    private final AuditTrail audit;
    private final Clock clock;

    public Confirmation(AuthenticatorStore authenticators, AuditTrail audit, Clock clock) {
        this.authenticators = authenticators;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Activates {@code used} if it is pending; true when it is active now. False when the store
     * refused: the enrollment was discarded meanwhile, or (for one begun with an {@code mfa_token})
     * the user has an active factor of a type that is on by now, which only an MFA API access token may add to. The
     * caller must then treat the code as wrong. {@code factors} are the user's as the grant read them.
     */
    public boolean confirmIfPending(Authenticator used, MfaTransaction transaction, UserFactors factors,
                                    TenantPolicy policy) {
        if (!(used instanceof PendingAuthenticator pending)) {
            return true;
        }
        Instant now = clock.instant();
        ActiveAuthenticator active = pending.confirm(now);
        boolean activated = pending.enrollment().transaction().isDefined()
                ? authenticators.activateFirst(active, HashSet.of(AuthenticatorKind.values()).filter(k -> !policy.allows(k)))
                : authenticators.activate(active);
        if (!activated) {
            return false;
        }
        confirmed(pending, transaction);
        factors.pendingCompanionOf(pending.id())
                .filter(recovery -> factors.activeRecoveryCode().isEmpty())
                .filter(recovery -> authenticators.activate(recovery.confirm(now)))
                .forEach(recovery -> confirmed(recovery, transaction));
        authenticators.discardPending(pending.userId());
        return true;
    }

    private void confirmed(PendingAuthenticator authenticator, MfaTransaction transaction) {
        audit.record("authenticator.confirmed", transaction.userId(), transaction.clientId(),
                "authenticator", authenticator.id().value());
    }
}
