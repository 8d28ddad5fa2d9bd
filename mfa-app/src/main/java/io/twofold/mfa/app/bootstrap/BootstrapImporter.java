package io.twofold.mfa.app.bootstrap;

import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.jdbc.clients.JdbcClientRegistry;
import io.twofold.mfa.jdbc.users.JdbcUserDirectory;
import io.twofold.mfa.model.ClientGrant;
import io.twofold.mfa.model.EmailAddress;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.out.ClientGrantStore;
import io.twofold.mfa.port.out.ResourceServerStore;
import io.twofold.mfa.policy.BuiltInApis;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * Applies a bootstrap file to the stores: creates or updates each client, user, API and client
 * grant. Running it on every start (and on several nodes at once) is safe: every step is an
 * idempotent upsert, and an API's or a grant's id is derived from what identifies it, so two nodes
 * racing to create one create the same row and the database keeps one.
 */
public final class BootstrapImporter {
    /** The audience shorthand for the Management API in {@code client_grants}. */
    public static final String MANAGEMENT = "management";
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapImporter.class);

    private final JdbcClientRegistry clients;
    private final JdbcUserDirectory users;
    private final ResourceServerStore apis;
    private final ClientGrantStore grants;
    private final String issuer;

    /** @param issuer the issuer URL ({@code {issuer}api/v2/} is the Management API, {@code {issuer}mfa/} the MFA API) */
    public BootstrapImporter(JdbcClientRegistry clients, JdbcUserDirectory users, ResourceServerStore apis,
                             ClientGrantStore grants, String issuer) {
        this.clients = clients;
        this.users = users;
        this.apis = apis;
        this.grants = grants;
        this.issuer = issuer;
    }

    public void apply(BootstrapFile file) {
        file.clients().forEach(entry -> {
            if (entry.unservedGrantTypes().nonEmpty()) {
                LOG.info("client {}: grant types Twofold does not serve are ignored: {}", entry.client().id().value(),
                        entry.unservedGrantTypes().mkString(", "));
            }
            try {
                if (entry.keys().nonEmpty()) {
                    clients.upsertPrivateKeyClient(entry.client(), entry.keys());
                } else {
                    clients.upsertClient(entry.client(), entry.secret());
                }
            } catch (IllegalArgumentException e) {
                // The registry's messages name the client, never its secret.
                throw new InvalidConfigurationException("MFA_BOOTSTRAP_FILE: client " + entry.client().id()
                        + " was refused: " + e.getMessage(), e);
            }
        });
        file.users().forEach(entry -> {
            try {
                users.upsertUser(entry.realm(), entry.username(), entry.email().map(EmailAddress::value), entry.password());
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException("MFA_BOOTSTRAP_FILE: user " + entry.username()
                        + " was refused: " + e.getMessage(), e);
            }
        });
        file.resourceServers().forEach(this::upsertApi);
        file.clientGrants().forEach(this::upsertGrant);
        LOG.info("bootstrap applied: {} client(s), {} user(s), {} API(s), {} client grant(s){}", file.clients().size(),
                file.users().size(), file.resourceServers().size(), file.clientGrants().size(),
                file.tenantName().map(name -> ", tenant '" + name + "'").getOrElse(""));
    }

    private void upsertApi(BootstrapFile.ApiEntry entry) {
        if (entry.identifier().equals(managementAudience()) || entry.identifier().equals(issuer + "mfa/")) {
            throw new InvalidConfigurationException("MFA_BOOTSTRAP_FILE: resource server " + entry.identifier()
                    + " is built in and cannot be registered");
        }
        String id = apis.findByIdentifier(entry.identifier()).map(ResourceServer::id)
                .getOrElse(() -> derivedId("api", entry.identifier(), 24));
        ResourceServer api = new ResourceServer(id, entry.identifier(), entry.name(), entry.scopes(),
                entry.tokenLifetime().getOrElse(Duration.ofSeconds(86_400)), entry.allowOfflineAccess(),
                entry.signingAlgorithm(), false);
        if (!apis.update(api) && !apis.add(api)) {
            // Another node added it between the two statements: same identifier, same derived id.
            apis.update(api);
        }
    }

    private void upsertGrant(BootstrapFile.GrantEntry entry) {
        String audience = entry.audience().equals(MANAGEMENT) ? managementAudience() : entry.audience();
        if (clients.find(entry.clientId()).isEmpty()) {
            throw refused(entry, "names a client that is neither in the file nor registered");
        }
        List<String> defined = audience.equals(managementAudience()) ? BuiltInApis.MANAGEMENT_SCOPES
                : apis.findByIdentifier(audience).map(ResourceServer::scopeNames)
                .getOrElseThrow(() -> refused(entry, "names an audience that is not a registered API (use \""
                        + MANAGEMENT + "\" or " + managementAudience() + " for the Management API)"));
        List<String> undefined = entry.scope().filter(scope -> !defined.contains(scope));
        if (undefined.nonEmpty()) {
            throw refused(entry, "asks for scopes the API does not define: " + undefined.mkString(", "));
        }
        Option<ClientGrant> existing = grants.find(entry.clientId(), audience);
        if (existing.isDefined()) {
            grants.updateScope(existing.get().id(), entry.scope());
            return;
        }
        ClientGrant grant = new ClientGrant("cgr_" + derivedId("grant", entry.clientId().value() + "\u0000" + audience, 16),
                entry.clientId(), audience, entry.scope());
        if (!grants.add(grant)) {
            grants.find(entry.clientId(), audience).forEach(found -> grants.updateScope(found.id(), entry.scope()));
        }
    }

    private String managementAudience() {
        return issuer + "api/v2/";
    }

    /** The same id on every node for the same entry: hex of a hash, so it sorts alike in every database. */
    private static String derivedId(String kind, String key, int length) {
        return SecretHash.of("twofold bootstrap " + kind + "\u0000" + key).hex().substring(0, length);
    }

    private static InvalidConfigurationException refused(BootstrapFile.GrantEntry entry, String why) {
        return new InvalidConfigurationException("MFA_BOOTSTRAP_FILE: " + entry.where() + " " + why);
    }
}
