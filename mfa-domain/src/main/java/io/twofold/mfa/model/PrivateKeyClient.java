package io.twofold.mfa.model;

import io.vavr.collection.List;

/** A client that authenticates with Private Key JWT, and the public keys its assertions may be signed with. */
public record PrivateKeyClient(Client client, List<ClientPublicKey> keys) {
}
