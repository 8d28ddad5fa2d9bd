package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.Client;
import io.twofold.mfa.model.ClientGrantFilter;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.ManagedClient;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.TokenEndpointAuth;
import io.twofold.mfa.port.in.operator.ClientChanges;
import io.twofold.mfa.port.in.operator.ClientWithSecret;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static io.twofold.mfa.usecase.operator.ClientsTestbed.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

class ClientAdministrationServiceTest {
    private final ClientsTestbed bed = new ClientsTestbed();

    private static ClientChanges changes() {
        return new ClientChanges(Option.none(), Option.none(), Option.none(), Option.none(), Option.none(),
                Option.none(), Option.none(), Option.none(), Option.none());
    }

    @Test
    void createsAConfidentialClientWithAuth0ShapedIdAndSecretShownOnce() {
        ClientWithSecret created = bed.machine();

        assertThat(created.client().id().value()).matches("[A-Za-z0-9]{32}");
        assertThat(created.secret().get()).matches("[A-Za-z0-9_-]{64}");
        assertThat(created.client().client().grantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        assertThat(created.client().profile().authMethod()).isEqualTo(TokenEndpointAuth.CLIENT_SECRET_POST);
        assertThat(bed.registry.authenticate(created.client().id(), created.secret())).isNotEmpty();
        assertThat(bed.lastEvent().type()).isEqualTo("mgmt.client.created");
        assertThat(bed.lastEvent().client()).containsExactly(OPERATOR);
        assertThat(bed.lastEvent().details().toJavaMap()).containsEntry("client_id", created.client().id().value())
                .doesNotContainValue(created.secret().get());
    }

    @Test
    void createsBrowserAppsPublicWithoutSecret() {
        ClientWithSecret spa = bed.client("spa");

        assertThat(spa.secret()).isEmpty();
        assertThat(spa.client().client().confidential()).isFalse();
        assertThat(spa.client().client().grantTypes()).contains(GrantType.PASSWORD, GrantType.MFA_OTP);
        assertThat(spa.client().client().mfaPolicy()).isEqualTo(MfaPolicy.ALWAYS);
        assertThat(bed.registry.authenticate(spa.client().id(), Option.none())).isNotEmpty();
    }

    @Test
    void refusesClientCredentialsForAPublicClient() {
        assertThat(bed.operations.clients().create(OPERATOR, new io.twofold.mfa.port.in.operator.ClientDraft("spa",
                Option.none(), Option.some("spa"), Option.none(), Option.some(HashSet.of(GrantType.CLIENT_CREDENTIALS)),
                Option.none(), Option.none(), Option.none())).getLeft()).isInstanceOf(OperatorError.InvalidInput.class);
        assertThat(bed.clientStore.count(Option.none())).isZero();
    }

    @Test
    void rotatingTheSecretKillsTheOldOneAtOnce() {
        ClientWithSecret created = bed.machine();

        ClientWithSecret rotated = bed.operations.clients().rotateSecret(OPERATOR, created.client().id()).get();

        assertThat(rotated.secret()).isNotEmpty().isNotEqualTo(created.secret());
        assertThat(bed.registry.authenticate(created.client().id(), created.secret())).isEmpty();
        assertThat(bed.registry.authenticate(created.client().id(), rotated.secret())).isNotEmpty();
        assertThat(bed.lastEvent().type()).isEqualTo("mgmt.client.secret_rotated");
    }

    @Test
    void aPublicClientHasNoSecretToRotate() {
        ClientWithSecret spa = bed.client("spa");

        assertThat(bed.operations.clients().rotateSecret(OPERATOR, spa.client().id()).getLeft())
                .isInstanceOf(OperatorError.InvalidInput.class);
    }

    @Test
    void setsASecretByPatchOnlyWhenItIsLongAndRandom() {
        ClientId id = bed.machine().client().id();
        String chosen = "an-operator-chosen-secret-0123456789-ABCDEF";

        assertThat(bed.operations.clients().update(OPERATOR, id, withSecret("too-short")).getLeft())
                .isInstanceOf(OperatorError.InvalidInput.class);
        assertThat(bed.operations.clients().update(OPERATOR, id, withSecret("a".repeat(40))).getLeft())
                .isInstanceOf(OperatorError.InvalidInput.class);
        ClientWithSecret updated = bed.operations.clients().update(OPERATOR, id, withSecret(chosen)).get();

        assertThat(updated.secret()).containsExactly(chosen);
        assertThat(bed.registry.authenticate(id, Option.some(chosen))).isNotEmpty();
    }

    private static ClientChanges withSecret(String secret) {
        ClientChanges none = changes();
        return new ClientChanges(none.name(), none.description(), none.appType(), none.authMethod(), none.grantTypes(),
                none.mfaPolicy(), none.metadataJson(), none.extraJson(), Option.some(secret));
    }

    @Test
    void updatesOnlyWhatIsGivenAndKeepsTheSecret() {
        ClientWithSecret created = bed.machine();
        ClientChanges none = changes();
        ClientChanges rename = new ClientChanges(Option.some("renamed"), Option.some("about"), none.appType(),
                none.authMethod(), none.grantTypes(), Option.some(MfaPolicy.NEVER), none.metadataJson(),
                Option.some("{\"logo_uri\":\"x\"}"), none.secret());

        ClientWithSecret updated = bed.operations.clients().update(OPERATOR, created.client().id(), rename).get();

        Client client = updated.client().client();
        assertThat(client.name()).isEqualTo("renamed");
        assertThat(client.mfaPolicy()).isEqualTo(MfaPolicy.NEVER);
        assertThat(client.grantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        assertThat(updated.client().profile().appType()).containsExactly("non_interactive");
        assertThat(updated.client().profile().extraJson()).containsExactly("{\"logo_uri\":\"x\"}");
        assertThat(updated.secret()).isEmpty();
        assertThat(bed.registry.authenticate(created.client().id(), created.secret())).isNotEmpty();
    }

    @Test
    void turningPublicDropsTheSecretAndTurningConfidentialGeneratesOne() {
        ClientWithSecret created = bed.client("regular_web");
        ClientChanges none = changes();
        ClientChanges toPublic = new ClientChanges(none.name(), none.description(), none.appType(),
                Option.some(TokenEndpointAuth.NONE), none.grantTypes(), none.mfaPolicy(), none.metadataJson(),
                none.extraJson(), none.secret());
        ClientChanges toBasic = new ClientChanges(none.name(), none.description(), none.appType(),
                Option.some(TokenEndpointAuth.CLIENT_SECRET_BASIC), none.grantTypes(), none.mfaPolicy(),
                none.metadataJson(), none.extraJson(), none.secret());
        ClientId id = created.client().id();

        bed.operations.clients().update(OPERATOR, id, toPublic).get();
        assertThat(bed.registry.authenticate(id, created.secret()).map(Client::confidential)).containsExactly(false);

        ClientWithSecret confidential = bed.operations.clients().update(OPERATOR, id, toBasic).get();
        assertThat(confidential.secret()).isNotEmpty();
        assertThat(bed.registry.authenticate(id, confidential.secret()).map(Client::confidential)).containsExactly(true);
        assertThat(bed.registry.authenticate(id, Option.none())).isEmpty();
    }

    @Test
    void deletingAClientDeletesItsGrantsAndItsSecret() {
        bed.api();
        ClientWithSecret created = bed.machine();
        bed.operations.clientGrants().create(OPERATOR, created.client().id(), ClientsTestbed.API,
                io.vavr.collection.List.of("read:things")).get();

        assertThat(bed.operations.clients().delete(OPERATOR, created.client().id()).isRight()).isTrue();

        assertThat(bed.grantStore.count(ClientGrantFilter.ALL)).isZero();
        assertThat(bed.registry.authenticate(created.client().id(), created.secret())).isEmpty();
        assertThat(bed.operations.clients().find(created.client().id()).getLeft())
                .isInstanceOf(OperatorError.UnknownClient.class);
        assertThat(bed.operations.clients().delete(OPERATOR, created.client().id()).getLeft())
                .isInstanceOf(OperatorError.UnknownClient.class);
        assertThat(bed.lastEvent().type()).isEqualTo("mgmt.client.deleted");
    }

    @Test
    void listsAPageAndTheTotal() {
        bed.machine();
        bed.client("spa");
        bed.client("spa");

        assertThat(bed.operations.clients().list(Option.none(), 0, 2).items()).hasSize(2);
        assertThat(bed.operations.clients().list(Option.none(), 0, 2).total()).isEqualTo(3);
        assertThat(bed.operations.clients().list(Option.some("spa"), 0, 10).items()
                .map(ManagedClient::profile).map(p -> p.appType().get())).containsExactly("spa", "spa");
        assertThat(bed.operations.clients().list(Option.none(), 3, 2).items()).isEmpty();
    }
}
