package io.twofold.mfa.usecase;

import io.twofold.mfa.port.in.PurgeExpired;
import io.twofold.mfa.port.in.PurgeReport;
import io.twofold.mfa.port.out.AuthenticatorStore;
import io.twofold.mfa.port.out.ChallengeStore;
import io.twofold.mfa.port.out.RefreshTokenStore;
import io.twofold.mfa.port.out.TransactionStore;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.ClientAssertions;
import io.twofold.mfa.usecase.internal.PasswordAttempts;
import io.twofold.mfa.usecase.internal.SecondFactorAttempts;
import io.twofold.mfa.usecase.internal.SendLimiter;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Deletes what nothing can use any more, so the store does not grow with every login: MFA
 * transactions, OOB challenges and pending enrollments some time after they expired, attempt
 * buckets that are full again, refresh-token families some time after they expired or were revoked, and the ids of used client
 * assertions once they expired. Each kind is one statement of its own rather than one unit of work,
 * so a large purge holds no locks that logins wait on; every node may run it, the deletes are idempotent.
 */
record PurgeExpiredService(TransactionStore transactions, ChallengeStore challenges,
        AuthenticatorStore authenticators, SecondFactorAttempts secondFactorAttempts, SendLimiter sendLimiter,
        PasswordAttempts passwordAttempts, Option<RefreshTokenStore> refreshTokens,
        Option<ClientAssertions> usedAssertions, AuditTrail audit, Clock clock)
        implements PurgeExpired {
    /**
     * How long expired things are kept: a client retrying a just-expired {@code mfa_token} or
     * {@code oob_code} should still hear "expired", not "malformed" (what an unknown one gets).
     */
    static final Duration GRACE = Duration.ofHours(1);

    @Override
    public PurgeReport purge() {
        Instant cutoff = clock.instant().minus(GRACE);
        PurgeReport report = new PurgeReport(
                transactions.removeExpired(cutoff),
                challenges.removeExpired(cutoff),
                authenticators.removeExpiredPending(cutoff),
                secondFactorAttempts.removeRestedBuckets() + sendLimiter.removeRestedBuckets()
                        + passwordAttempts.removeRestedBuckets(),
                refreshTokens.map(store -> store.removeExpired(cutoff)).getOrElse(0),
                // An expired assertion is refused on its exp; its jti need not outlive it.
                usedAssertions.map(used -> used.removeExpired(clock.instant())).getOrElse(0));
        // An event for a run that removed nothing would only make the audit log grow instead.
        if (report.total() > 0) {
            audit.record("housekeeping.purged", Option.none(), Option.none(),
                    "transactions", Integer.toString(report.transactions()),
                    "challenges", Integer.toString(report.challenges()),
                    "pending_authenticators", Integer.toString(report.pendingAuthenticators()),
                    "attempt_buckets", Integer.toString(report.attemptBuckets()),
                    "refresh_token_families", Integer.toString(report.refreshTokenFamilies()),
                    "used_client_assertions", Integer.toString(report.usedAssertions()));
        }
        return report;
    }
}
