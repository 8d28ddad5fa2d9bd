package io.twofold.mfa.service;

import io.twofold.mfa.model.Authenticator;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.port.out.AuthenticatorStore;

import java.time.Clock;
import java.time.Instant;

/**
 * The first valid code for a pending authenticator confirms it (spec 5), and with it the user's
 * pending recovery code, which was handed out by the same first enrollment.
 */
final class Confirmation {
    private final AuthenticatorStore authenticators;
    private final AuditTrail audit;
    private final Clock clock;

    Confirmation(AuthenticatorStore authenticators, AuditTrail audit, Clock clock) {
        this.authenticators = authenticators;
        this.audit = audit;
        this.clock = clock;
    }

    /** Activates {@code used} if it is pending; an active one is left as it is. */
    void confirmIfPending(Authenticator used, MfaTransaction transaction) {
        if (used.isActive()) {
            return;
        }
        Instant now = clock.instant();
        if (authenticators.activate(used.id(), now)) {
            audit.record("authenticator.confirmed", transaction.userId(), transaction.clientId(),
                    "authenticator", used.id().value());
        }
        new UserFactors(authenticators.findByUser(used.userId()), now).pendingRecoveryCode()
                .filter(recovery -> authenticators.activate(recovery.id(), now))
                .forEach(recovery -> audit.record("authenticator.confirmed", transaction.userId(),
                        transaction.clientId(), "authenticator", recovery.id().value()));
    }
}
