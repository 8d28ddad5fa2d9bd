package io.twofold.mfa.port.in;

/** How many stored things of each kind one purge removed. */
public record PurgeReport(int transactions, int challenges, int pendingAuthenticators, int attemptBuckets) {

    public int total() {
        return transactions + challenges + pendingAuthenticators + attemptBuckets;
    }
}
