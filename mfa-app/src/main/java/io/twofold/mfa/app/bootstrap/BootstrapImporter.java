package io.twofold.mfa.app.bootstrap;

import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.jdbc.clients.JdbcClientRegistry;
import io.twofold.mfa.jdbc.users.JdbcUserDirectory;
import io.twofold.mfa.model.EmailAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a bootstrap file to the stores: creates or updates each client and user. Running it on
 * every start (and on several nodes at once) is safe: both upserts are idempotent.
 */
public final class BootstrapImporter {
    private static final Logger LOG = LoggerFactory.getLogger(BootstrapImporter.class);

    private final JdbcClientRegistry clients;
    private final JdbcUserDirectory users;

    public BootstrapImporter(JdbcClientRegistry clients, JdbcUserDirectory users) {
        this.clients = clients;
        this.users = users;
    }

    public void apply(BootstrapFile file) {
        file.clients().forEach(entry -> {
            if (entry.unservedGrantTypes().nonEmpty()) {
                LOG.info("client {}: grant types Twofold does not serve are ignored: {}", entry.client().id().value(),
                        entry.unservedGrantTypes().mkString(", "));
            }
            try {
                clients.upsertClient(entry.client(), entry.secret());
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
        LOG.info("bootstrap applied: {} client(s), {} user(s){}", file.clients().size(), file.users().size(),
                file.tenantName().map(name -> ", tenant '" + name + "'").getOrElse(""));
    }
}
