package io.twofold.mfa.port.in;

/**
 * Deletes expired MFA transactions, OOB challenges and pending enrollments, attempt buckets that
 * are full again, and refresh-token families that expired or were revoked, an hour after they expired (so a late client still hears "expired"). Nothing else
 * deletes them: a host must call it on a schedule, every few minutes (the bundled server: every 10
 * minutes, {@code MFA_HOUSEKEEPING_INTERVAL}). Any node may run it at any time; it is idempotent
 * and takes no long locks.
 */
public interface PurgeExpired {

    /** How many of each kind this run removed. */
    PurgeReport purge();
}
