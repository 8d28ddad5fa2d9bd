package io.twofold.mfa.memory;

import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientPublicKey;
import io.twofold.mfa.model.PrivateKeyClient;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.out.ClientRegistry;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link ClientRegistry} of the clients the host registers at start-up. A confidential client must
 * present its secret; a public client needs none (a secret it sends anyway is ignored). Secrets are
 * kept as SHA-256 hashes, fit for generated high-entropy secrets (not for passwords), and compared in
 * constant time. Registering an id again replaces the client.
 */
public final class InMemoryClientRegistry implements ClientRegistry {

    private static final SecretHash DUMMY = SecretHash.of("no secret registered");

    private record Registration(Client client, Option<SecretHash> secretHash, List<ClientPublicKey> keys) {
        Registration(Client client, Option<SecretHash> secretHash) {
            this(client, secretHash, List.empty());
        }

        boolean privateKeyJwt() {
            return keys.nonEmpty();
        }
    }

    private final ConcurrentMap<ClientId, Registration> clients = new ConcurrentHashMap<>();

    /** Registers a client; a confidential one needs a secret. */
    public Client register(Client client, Option<String> secret) {
        if (client.confidential() && secret.isEmpty()) {
            throw new IllegalArgumentException("a confidential client needs a secret");
        }
        clients.put(client.id(), new Registration(client, secret.map(SecretHash::of)));
        return client;
    }

    /** A confidential client allowed every grant, with this MFA policy. */
    public Client registerConfidential(String id, String secret, MfaPolicy policy) {
        return register(new Client(new ClientId(id), id, true, HashSet.of(GrantType.values()), policy),
                Option.of(secret));
    }

    /** A public client allowed every grant, with this MFA policy. */
    public Client registerPublic(String id, MfaPolicy policy) {
        return register(new Client(new ClientId(id), id, false, HashSet.of(GrantType.values()), policy),
                Option.none());
    }

    /** Registers a client with the hash of its secret (none for a public client), replacing one with its id. */
    public void registerHashed(Client client, Option<SecretHash> secretHash) {
        clients.put(client.id(), new Registration(client, secretHash));
    }

    /** Replaces the client's settings, keeping its secret; nothing if it is not registered. */
    public void replaceSettings(Client client) {
        clients.computeIfPresent(client.id(), (id, found) -> new Registration(client, found.secretHash(), found.keys()));
    }

    /**
     * Makes a registered confidential client authenticate with Private Key JWT, by these keys, and no
     * longer by its secret; no keys puts it back on its secret.
     */
    public void registerKeys(ClientId id, List<ClientPublicKey> keys) {
        clients.computeIfPresent(id, (key, found) -> new Registration(found.client(), found.secretHash(), keys));
    }

    public void remove(ClientId id) {
        clients.remove(id);
    }

    @Override
    public Option<Client> find(ClientId id) {
        return Option.of(clients.get(id)).map(Registration::client);
    }

    @Override
    public Option<Client> authenticate(ClientId id, Option<String> secret) {
        Option<Registration> registration = Option.of(clients.get(id));
        if (registration.isEmpty()) {
            return Option.none();
        }
        Registration found = registration.get();
        if (found.privateKeyJwt()) {
            return Option.none();
        }
        if (!found.client().confidential()) {
            return Option.some(found.client());
        }
        // Always compare something, so a missing secret and a wrong one take the same path.
        SecretHash presented = SecretHash.of(secret.getOrElse(""));
        boolean matches = found.secretHash().getOrElse(DUMMY).matches(presented) && secret.isDefined()
                && found.secretHash().isDefined();
        return matches ? Option.some(found.client()) : Option.none();
    }

    @Override
    public Option<PrivateKeyClient> privateKeyJwt(ClientId id) {
        return Option.of(clients.get(id)).filter(Registration::privateKeyJwt)
                .map(found -> new PrivateKeyClient(found.client(), found.keys()));
    }
}
