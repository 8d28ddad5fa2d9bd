package io.twofold.mfa.app.bootstrap;

import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.EmailAddress;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** The parsed {@code MFA_BOOTSTRAP_FILE}: the tenant's display name, clients and users to create or update. */
public record BootstrapFile(Option<String> tenantName, List<ClientEntry> clients, List<UserEntry> users) {

    /**
     * A client to register, with its secret for confidential clients, and the grant types its entry
     * lists that Auth0 knows but Twofold does not serve (kept out of the client, said at start-up).
     */
    public record ClientEntry(Client client, Option<String> secret, List<String> unservedGrantTypes) {
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
