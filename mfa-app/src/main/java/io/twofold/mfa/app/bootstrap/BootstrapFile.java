package io.twofold.mfa.app.bootstrap;

import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientPublicKey;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.EmailAddress;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Duration;

/** The parsed {@code MFA_BOOTSTRAP_FILE}: the tenant's display name, clients and users to create or update. */
public record BootstrapFile(Option<String> tenantName, List<ClientEntry> clients, List<UserEntry> users,
                            List<ApiEntry> resourceServers, List<GrantEntry> clientGrants) {

    /** The file without APIs or client grants. */
    public BootstrapFile(Option<String> tenantName, List<ClientEntry> clients, List<UserEntry> users) {
        this(tenantName, clients, users, List.empty(), List.empty());
    }

    /** An API to register, or to update to these values (found by its identifier). */
    public record ApiEntry(String identifier, String name, List<ApiScope> scopes, Option<Duration> tokenLifetime,
                           boolean allowOfflineAccess, SigningAlgorithm signingAlgorithm) {
    }

    /** A client grant to create, or whose scope to set to this one; {@code where} names the entry in messages. */
    public record GrantEntry(ClientId clientId, String audience, List<String> scope, String where) {
    }

    /**
     * A client to register, with its secret or the public keys it authenticates with (Private Key JWT)
     * for confidential clients, and the grant types its entry lists that Auth0 knows but Twofold does
     * not serve (kept out of the client, said at start-up).
     */
    public record ClientEntry(Client client, Option<String> secret, List<ClientPublicKey> keys,
                              List<String> unservedGrantTypes) {
        @Override
        public String toString() {
            return "ClientEntry[" + client.id() + ", secret=" + (secret.isDefined() ? "***" : "none") + "]";
        }
    }

    /** A user to create in a realm, or whose email and password to reset to these. */
    public record UserEntry(String realm, String username, Option<EmailAddress> email, String password) {
        @Override
        public String toString() {
            return "UserEntry[" + realm + ", " + username + ", password=***]";
        }
    }
}
