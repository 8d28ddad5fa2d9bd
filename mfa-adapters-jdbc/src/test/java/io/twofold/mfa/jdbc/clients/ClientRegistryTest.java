package io.twofold.mfa.jdbc.clients;

import io.twofold.mfa.jdbc.testing.DatabaseExtension;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.SecretHash;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC client registry on one database; subclassed for H2 and PostgreSQL. */
abstract class ClientRegistryTest {
    private static final String SECRET = "kP9v2Qx7Lm4Rt8Zw1Bn6Yc3Hd5Fg0JsA";
    private static final Client WEB = new Client(new ClientId("web-app"), "Web app", true,
            EnumSet.of(GrantType.PASSWORD, GrantType.MFA_OTP, GrantType.MFA_OOB), MfaPolicy.ALWAYS);
    private static final Client SPA = new Client(new ClientId("spa"), "Single page app", false,
            EnumSet.allOf(GrantType.class), MfaPolicy.ENROLLED);

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

        Client renamed = new Client(WEB.id(), "Renamed", true, Set.of(GrantType.PASSWORD_REALM), MfaPolicy.NEVER);
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

    private int rowCount() {
        return db().storage().jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM clients")
                .mapTo(Integer.class).one());
    }
}
