package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.jdbc.testing.StatementCounter;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.SecretHash;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC client registry on one database; subclassed for H2 and PostgreSQL. */
abstract class ClientRegistryTest {
    private static final String SECRET = "kP9v2Qx7Lm4Rt8Zw1Bn6Yc3Hd5Fg0JsA";
    private static final Client WEB = new Client(new ClientId("web-app"), "Web app", true,
            HashSet.of(GrantType.PASSWORD, GrantType.MFA_OTP, GrantType.MFA_OOB), MfaPolicy.ALWAYS);
    private static final Client SPA = new Client(new ClientId("spa"), "Single page app", false,
            HashSet.of(GrantType.values()), MfaPolicy.ENROLLED);

    protected abstract DatabaseExtension db();

    private JdbcClientRegistry clients;

    @BeforeEach
    void registry() {
        clients = db().storage().clients();
    }

    @Test
    void authenticatesAConfidentialClientOnlyWithItsSecret() {
        clients.upsertClient(WEB, Option.some(SECRET));

        assertThat(clients.authenticate(WEB.id(), Option.some(SECRET))).containsExactly(WEB);
        assertThat(clients.authenticate(WEB.id(), Option.some(SECRET.substring(1)))).isEmpty();
        assertThat(clients.authenticate(WEB.id(), Option.some(""))).isEmpty();
        assertThat(clients.authenticate(WEB.id(), Option.none())).isEmpty();
    }

    @Test
    void authenticatesAPublicClientWithoutASecret() {
        clients.upsertClient(SPA, Option.none());

        assertThat(clients.authenticate(SPA.id(), Option.none())).containsExactly(SPA);
        assertThat(clients.find(SPA.id())).containsExactly(SPA);
    }

    @Test
    void knowsNoUnknownClient() {
        assertThat(clients.find(new ClientId("nobody"))).isEmpty();
        assertThat(clients.authenticate(new ClientId("nobody"), Option.some(SECRET))).isEmpty();
    }

    @Test
    void upsertsIdempotentlyAndUpdatesInPlace() {
        clients.upsertClient(WEB, Option.some(SECRET));
        clients.upsertClient(WEB, Option.some(SECRET));
        assertThat(clients.find(WEB.id())).containsExactly(WEB);

        Client renamed = new Client(WEB.id(), "Renamed", true, HashSet.of(GrantType.PASSWORD_REALM), MfaPolicy.NEVER);
        String newSecret = "Zq8Wn3Xe5Rt7Yu1Io9Pa2Sd4Fg6Hj0Kl";
        clients.upsertClient(renamed, Option.some(newSecret));

        assertThat(clients.find(WEB.id())).containsExactly(renamed);
        assertThat(clients.authenticate(WEB.id(), Option.some(SECRET))).isEmpty();
        assertThat(clients.authenticate(WEB.id(), Option.some(newSecret))).containsExactly(renamed);
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void storesTheSecretOnlyAsItsSha256() {
        clients.upsertClient(WEB, Option.some(SECRET));

        String stored = db().storage().jdbi().withHandle(handle -> handle.createQuery(
                "SELECT secret_hash FROM clients WHERE client_id = 'web-app'").mapTo(String.class).one());
        assertThat(stored).isEqualTo(SecretHash.of(SECRET).hex()).doesNotContain(SECRET);
    }

    @Test
    void rejectsWeakSecretsNamingTheClientNotTheSecret() {
        String tooShort = "Short-But-Random-9x";
        String repetitive = "abababababababababababababababab";
        for (String weak : new String[] {tooShort, repetitive}) {
            assertThatThrownBy(() -> clients.upsertClient(WEB, Option.some(weak)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("web-app")
                    .hasMessageNotContaining(weak);
        }
        assertThat(rowCount()).isZero();
    }

    @Test
    void requiresASecretForConfidentialClientsAndNoneForPublicOnes() {
        assertThatThrownBy(() -> clients.upsertClient(WEB, Option.none()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("web-app");
        assertThatThrownBy(() -> clients.upsertClient(SPA, Option.some(SECRET)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spa")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void authenticatesFromTheTableEveryTimeButFindsFromTheCache() {
        clients.upsertClient(WEB, Option.some(SECRET));
        try (StatementCounter counter = StatementCounter.on(db().storage().jdbi())) {
            assertThat(clients.authenticate(WEB.id(), Option.some(SECRET))).containsExactly(WEB);
            assertThat(clients.authenticate(WEB.id(), Option.some(SECRET.substring(1)))).isEmpty();
            // A secret decision is never taken from a cache: one primary-key read each.
            assertThat(counter.statements()).hasSize(2);
            counter.reset();

            assertThat(clients.find(WEB.id())).containsExactly(WEB);
            assertThat(counter.statements()).isEmpty();
        }
    }

    /**
     * What reading the row on every authentication costs: printed, not asserted (timings belong to
     * benchmarks). Measured on this machine it is a fraction of a millisecond per grant, next to the
     * several milliseconds of the RSA signature every grant computes anyway.
     */
    @Test
    void measuresTheCostOfReadingTheSecretEveryTime() {
        clients.upsertClient(WEB, Option.some(SECRET));
        int rounds = 2_000;
        for (int i = 0; i < 200; i++) {
            clients.authenticate(WEB.id(), Option.some(SECRET));
        }
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            assertThat(clients.authenticate(WEB.id(), Option.some(SECRET))).isNotEmpty();
        }
        long perCall = (System.nanoTime() - started) / rounds;
        System.out.printf("client authentication from the table on %s: %d µs per call over %d calls%n",
                db().database().kind(), perCall / 1_000, rounds);
    }

    @Test
    void anUpsertThroughTheRegistryReplacesTheCachedRowAtOnce() {
        clients.upsertClient(WEB, Option.some(SECRET));
        assertThat(clients.authenticate(WEB.id(), Option.some(SECRET))).containsExactly(WEB);
        Client narrowed = new Client(WEB.id(), "Web app", true, HashSet.of(GrantType.PASSWORD), MfaPolicy.ALWAYS);
        String newSecret = "Zq8Wn3Xe5Rt7Yu1Io9Pa2Sd4Fg6Hj0Kl";

        clients.upsertClient(narrowed, Option.some(newSecret));

        try (StatementCounter counter = StatementCounter.on(db().storage().jdbi())) {
            assertThat(clients.authenticate(WEB.id(), Option.some(SECRET))).isEmpty();
            assertThat(clients.authenticate(WEB.id(), Option.some(newSecret))).containsExactly(narrowed);
            // One read each: secrets are never decided from the cache.
            assertThat(counter.statements()).hasSize(2);
        }
    }

    @Test
    void anotherNodeRefusesARevokedSecretAtOnceButSeesOtherChangesWithinTheTtl() {
        AtomicLong nanos = new AtomicLong();
        JdbcClientRegistry node = new JdbcClientRegistry(new Handles(db().storage().jdbi()), Duration.ofSeconds(30), nanos::get);
        clients.upsertClient(WEB, Option.some(SECRET));
        assertThat(node.authenticate(WEB.id(), Option.some(SECRET))).containsExactly(WEB);
        assertThat(node.find(WEB.id())).containsExactly(WEB);

        // Another node (here: the shared registry) revokes the secret by replacing it.
        Client renamed = new Client(WEB.id(), "Renamed", true, WEB.grantTypes(), WEB.mfaPolicy());
        clients.upsertClient(renamed, Option.some("Zq8Wn3Xe5Rt7Yu1Io9Pa2Sd4Fg6Hj0Kl"));

        assertThat(node.authenticate(WEB.id(), Option.some(SECRET))).isEmpty();
        assertThat(node.find(WEB.id())).containsExactly(renamed);
    }

    @Test
    void findSeesAChangeMadeElsewhereOnlyOnceTheTtlHasPassed() {
        AtomicLong nanos = new AtomicLong();
        JdbcClientRegistry node = new JdbcClientRegistry(new Handles(db().storage().jdbi()), Duration.ofSeconds(30), nanos::get);
        clients.upsertClient(WEB, Option.some(SECRET));
        assertThat(node.find(WEB.id())).containsExactly(WEB);

        Client renamed = new Client(WEB.id(), "Renamed", true, WEB.grantTypes(), WEB.mfaPolicy());
        clients.upsertClient(renamed, Option.some(SECRET));
        nanos.addAndGet(Duration.ofSeconds(29).toNanos());
        assertThat(node.find(WEB.id())).containsExactly(WEB);

        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(node.find(WEB.id())).containsExactly(renamed);
    }

    @Test
    void asksTheDatabaseEveryTimeForAnUnknownClient() {
        try (StatementCounter counter = StatementCounter.on(db().storage().jdbi())) {
            clients.authenticate(new ClientId("nobody"), Option.some(SECRET));
            clients.authenticate(new ClientId("nobody"), Option.some(SECRET));

            assertThat(counter.statements()).hasSize(2);
        }
    }

    @Test
    void aZeroTtlReadsTheTableEveryTime() {
        JdbcClientRegistry uncached = new JdbcClientRegistry(new Handles(db().storage().jdbi()), Duration.ZERO, System::nanoTime);
        clients.upsertClient(WEB, Option.some(SECRET));
        try (StatementCounter counter = StatementCounter.on(db().storage().jdbi())) {
            uncached.authenticate(WEB.id(), Option.some(SECRET));
            uncached.authenticate(WEB.id(), Option.some(SECRET));

            assertThat(counter.statements()).hasSize(2);
        }
    }

    private int rowCount() {
        return db().storage().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM clients")
                .mapTo(Integer.class).one());
    }
}
