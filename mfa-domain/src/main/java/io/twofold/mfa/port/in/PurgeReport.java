package io.twofold.mfa.port.in;

/** How many stored things of each kind one purge removed. */
public record PurgeReport(int transactions, int challenges, int pendingAuthenticators, int attemptBuckets,
                          int refreshTokenFamilies, int usedAssertions) {

    /** A report of a purge that had no used client assertions to forget. */
    public PurgeReport(int transactions, int challenges, int pendingAuthenticators, int attemptBuckets,
                       int refreshTokenFamilies) {
        this(transactions, challenges, pendingAuthenticators, attemptBuckets, refreshTokenFamilies, 0);
    }

    /** A report of a purge that had no refresh tokens to remove. */
    public PurgeReport(int transactions, int challenges, int pendingAuthenticators, int attemptBuckets) {
        this(transactions, challenges, pendingAuthenticators, attemptBuckets, 0);
    }

    public int total() {
        return transactions + challenges + pendingAuthenticators + attemptBuckets + refreshTokenFamilies
                + usedAssertions;
    }
}
