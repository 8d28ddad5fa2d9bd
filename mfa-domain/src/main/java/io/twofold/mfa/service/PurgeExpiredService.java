package io.twofold.mfa.service;

import io.twofold.mfa.port.in.PurgeExpired;
import io.twofold.mfa.port.in.PurgeReport;
import io.vavr.control.Option;

import java.time.Duration;
import java.time.Instant;

/**
 * Deletes what nothing can use any more, so the store does not grow with every login: MFA
 * transactions, OOB challenges and pending enrollments some time after they expired, and attempt
 * buckets that are full again. Each kind is one statement of its own rather than one unit of work,
 * so a large purge holds no locks that logins wait on; every node may run it, the deletes are idempotent.
 */
public final class PurgeExpiredService implements PurgeExpired {
    /**
     * How long expired things are kept: a client retrying a just-expired {@code mfa_token} or
     * {@code oob_code} should still hear "expired", not "malformed" (what an unknown one gets).
     */
    static final Duration GRACE = Duration.ofHours(1);

    private final MfaDependencies deps;
    private final UserAttemptLimiter userLimiter;
    private final SendLimiter sendLimiter;
    private final PasswordAttemptLimiter passwordLimiter;
    private final AuditTrail audit;

    PurgeExpiredService(MfaDependencies deps, UserAttemptLimiter userLimiter, SendLimiter sendLimiter,
                        PasswordAttemptLimiter passwordLimiter, AuditTrail audit) {
        this.deps = deps;
        this.userLimiter = userLimiter;
        this.sendLimiter = sendLimiter;
        this.passwordLimiter = passwordLimiter;
        this.audit = audit;
    }

    @Override
    public PurgeReport purge() {
        Instant cutoff = deps.clock().instant().minus(GRACE);
        PurgeReport report = new PurgeReport(
                deps.transactions().removeExpired(cutoff),
                deps.challenges().removeExpired(cutoff),
                deps.authenticators().removeExpiredPending(cutoff),
                userLimiter.removeRestedBuckets() + sendLimiter.removeRestedBuckets()
                        + passwordLimiter.removeRestedBuckets());
        // An event for a run that removed nothing would only make the audit log grow instead.
        if (report.total() > 0) {
            audit.record("housekeeping.purged", Option.none(), Option.none(),
                    "transactions", Integer.toString(report.transactions()),
                    "challenges", Integer.toString(report.challenges()),
                    "pending_authenticators", Integer.toString(report.pendingAuthenticators()),
                    "attempt_buckets", Integer.toString(report.attemptBuckets()));
        }
        return report;
    }
}
