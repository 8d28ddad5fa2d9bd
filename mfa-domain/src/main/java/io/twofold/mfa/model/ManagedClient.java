package io.twofold.mfa.model;

/** A client as the Management API sees it: what grants use, and its profile. */
public record ManagedClient(Client client, ClientProfile profile) {
    public ClientId id() {
        return client.id();
    }
}
