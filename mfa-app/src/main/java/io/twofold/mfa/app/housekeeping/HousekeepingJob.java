package io.twofold.mfa.app.housekeeping;

import io.micronaut.scheduling.annotation.Scheduled;
import io.twofold.mfa.port.in.PurgeExpired;
import io.twofold.mfa.port.in.PurgeReport;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@link PurgeExpired} every {@code twofold.housekeeping.interval} (MFA_HOUSEKEEPING_INTERVAL) on
 * Micronaut's scheduled executor, never on the event loop. Every node runs it: the deletes are
 * idempotent, so nodes purging at once only share the work.
 */
@Singleton
public final class HousekeepingJob {
    private static final Logger LOG = LoggerFactory.getLogger(HousekeepingJob.class);

    private final PurgeExpired purgeExpired;

    public HousekeepingJob(PurgeExpired purgeExpired) {
        this.purgeExpired = purgeExpired;
    }

    @Scheduled(fixedDelay = "${twofold.housekeeping.interval:10m}",
            initialDelay = "${twofold.housekeeping.initial-delay:1m}")
    public void run() {
        try {
            PurgeReport report = purgeExpired.purge();
            if (report.total() > 0) {
                LOG.info("housekeeping removed {} expired transactions, {} challenges, {} pending authenticators,"
                                + " {} rested attempt counters, {} refresh token families and {} used client assertion ids",
                        report.transactions(), report.challenges(), report.pendingAuthenticators(),
                        report.attemptBuckets(), report.refreshTokenFamilies(), report.usedAssertions());
            } else {
                LOG.debug("housekeeping found nothing to remove");
            }
        } catch (RuntimeException e) {
            // Housekeeping must never take the server down: a database that is away now is tried again
            // next run. Only the failure's kind and root cause at WARN; the trace (statements, no
            // secrets) at DEBUG.
            LOG.warn("housekeeping failed, retrying next run: {}", rootCause(e));
            LOG.debug("housekeeping failure", e);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
