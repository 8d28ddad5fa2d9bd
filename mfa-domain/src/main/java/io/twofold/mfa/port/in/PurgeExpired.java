package io.twofold.mfa.port.in;

/** Deletes expired MFA transactions, OOB challenges and pending enrollments, and rested attempt counters. */
public interface PurgeExpired {

    /** How many of each kind this run removed. */
    PurgeReport purge();
}
