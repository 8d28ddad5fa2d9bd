package io.twofold.mfa.usecase.internal;

import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientAssertion;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.PrivateKeyClient;
import io.twofold.mfa.policy.ClientAssertionRules;
import io.twofold.mfa.port.out.ClientAssertionVerifier;
import io.twofold.mfa.port.out.ClientRegistry;
import io.twofold.mfa.port.out.UsedAssertionStore;
import io.vavr.control.Option;

import java.time.Clock;
import java.time.Instant;

/**
 * Private Key JWT: the client is one that uses it, one of its unexpired keys signed the assertion for
 * this server, the claims pass {@link ClientAssertionRules}, and only then is its {@code jti} spent,
 * by the store's unique insert, so that a replay loses on every node. Every refusal looks the same.
 */
public final class ClientAssertions {
    private final ClientRegistry clients;
    private final ClientAssertionVerifier verifier;
    private final UsedAssertionStore used;
    private final Clock clock;

    public ClientAssertions(ClientRegistry clients, ClientAssertionVerifier verifier, UsedAssertionStore used,
                            Clock clock) {
        this.clients = clients;
        this.verifier = verifier;
        this.used = used;
        this.clock = clock;
    }

    /** The client the assertion authenticates, if it does. */
    public Option<Client> authenticate(ClientId id, ClientAssertion assertion) {
        Instant now = clock.instant();
        Option<PrivateKeyClient> found = clients.privateKeyJwt(id);
        if (found.isEmpty()) {
            return Option.none();
        }
        PrivateKeyClient client = found.get();
        return verifier.verify(assertion, client.keys().filter(key -> key.usableAt(now)))
                .flatMap(claims -> ClientAssertionRules.admit(claims, id, now).toOption())
                // Spent last: an assertion that fails a check must not burn its jti for a retry.
                .filter(admitted -> used.use(id, admitted.jti(), admitted.expiresAt()))
                .map(admitted -> client.client());
    }

    /** Forgets the ids of assertions that expired before the cutoff. */
    public int removeExpired(Instant cutoff) {
        return used.removeExpired(cutoff);
    }
}
