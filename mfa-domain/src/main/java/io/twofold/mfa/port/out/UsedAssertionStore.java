package io.twofold.mfa.port.out;

import io.twofold.mfa.model.ClientId;

import java.time.Instant;

/** The ids ({@code jti}) of the client assertions already used, kept until the assertions expire. */
public interface UsedAssertionStore {

    /**
     * Records that the client used the assertion {@code jti}, if and only if it was not recorded yet;
     * true when this call did. Of any number of concurrent calls, on any nodes, one wins.
     */
    boolean use(ClientId client, String jti, Instant expiresAt);

    /** Forgets the ids of assertions that expired before the cutoff; how many. */
    int removeExpired(Instant cutoff);
}
