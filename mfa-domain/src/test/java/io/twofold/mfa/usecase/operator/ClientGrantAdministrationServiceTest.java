package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientGrant;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ClientGrantFilter;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.twofold.mfa.usecase.operator.ClientsTestbed.API;
import static io.twofold.mfa.usecase.operator.ClientsTestbed.MANAGEMENT;
import static io.twofold.mfa.usecase.operator.ClientsTestbed.MFA;
import static io.twofold.mfa.usecase.operator.ClientsTestbed.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

class ClientGrantAdministrationServiceTest {
    private final ClientsTestbed bed = new ClientsTestbed();
    private ClientId robot;

    @BeforeEach
    void apiAndClient() {
        bed.api();
        robot = bed.machine().client().id();
    }

    @Test
    void grantsAClientScopesOfARegisteredApi() {
        ClientGrant grant = bed.operations.clientGrants().create(OPERATOR, robot, API, List.of("read:things")).get();

        assertThat(grant.id()).matches("cgr_[a-z0-9]{16}");
        assertThat(bed.operations.clientGrants().find(grant.id())).containsExactly(grant);
        assertThat(bed.lastEvent().type()).isEqualTo("mgmt.client_grant.created");
        assertThat(bed.lastEvent().details().toJavaMap()).containsEntry("client_grant_id", grant.id())
                .containsEntry("audience", API);
    }

    @Test
    void grantsTheManagementApi() {
        assertThat(bed.operations.clientGrants().create(OPERATOR, robot, MANAGEMENT,
                List.of("read:clients", "create:client_grants")).isRight()).isTrue();
    }

    @Test
    void refusesUnknownClientsApisAndScopesAndTheMfaApi() {
        assertThat(bed.operations.clientGrants().create(OPERATOR, new ClientId("nobody"), API, List.empty()).getLeft())
                .isInstanceOf(OperatorError.UnknownClient.class);
        assertThat(bed.operations.clientGrants().create(OPERATOR, robot, "https://nowhere/", List.empty()).getLeft())
                .isInstanceOf(OperatorError.UnknownResourceServer.class);
        assertThat(bed.operations.clientGrants().create(OPERATOR, robot, API, List.of("read:things", "delete:all"))
                .getLeft()).isEqualTo(new OperatorError.InvalidInput(
                "The API https://api.example.com/ does not define these scopes: delete:all"));
        assertThat(bed.operations.clientGrants().create(OPERATOR, robot, MFA, List.of("enroll")).getLeft())
                .isInstanceOf(OperatorError.InvalidInput.class);
        assertThat(bed.grantStore.count(ClientGrantFilter.ALL)).isZero();
    }

    @Test
    void refusesASecondGrantForTheSameClientAndApi() {
        bed.operations.clientGrants().create(OPERATOR, robot, API, List.of("read:things")).get();

        assertThat(bed.operations.clientGrants().create(OPERATOR, robot, API, List.of("write:things")).getLeft())
                .isInstanceOf(OperatorError.ClientGrantExists.class);
    }

    @Test
    void updatesTheScopeWithinWhatTheApiDefines() {
        ClientGrant grant = bed.operations.clientGrants().create(OPERATOR, robot, API, List.of("read:things")).get();

        assertThat(bed.operations.clientGrants().updateScope(OPERATOR, grant.id(), List.of("write:things")).get().scope())
                .containsExactly("write:things");
        assertThat(bed.operations.clientGrants().updateScope(OPERATOR, grant.id(), List.of("nope")).getLeft())
                .isInstanceOf(OperatorError.InvalidInput.class);
        assertThat(bed.operations.clientGrants().updateScope(OPERATOR, "cgr_absent", List.empty()).getLeft())
                .isInstanceOf(OperatorError.UnknownClientGrant.class);
    }

    @Test
    void deletesAGrant() {
        ClientGrant grant = bed.operations.clientGrants().create(OPERATOR, robot, API, List.empty()).get();

        assertThat(bed.operations.clientGrants().delete(OPERATOR, grant.id())).containsExactly(grant.id());
        assertThat(bed.operations.clientGrants().delete(OPERATOR, grant.id()).getLeft())
                .isInstanceOf(OperatorError.UnknownClientGrant.class);
        assertThat(bed.lastEvent().type()).isEqualTo("mgmt.client_grant.deleted");
    }

    @Test
    void listsByOffsetAndByCheckpoint() {
        ClientGrant first = bed.operations.clientGrants().create(OPERATOR, robot, API, List.empty()).get();
        ClientGrant second = bed.operations.clientGrants().create(OPERATOR, robot, MANAGEMENT, List.empty()).get();
        List<String> ordered = List.of(first.id(), second.id()).sorted();

        assertThat(bed.operations.clientGrants().list(ClientGrantFilter.ALL, 0, 1).total()).isEqualTo(2);
        assertThat(bed.operations.clientGrants().listFrom(ClientGrantFilter.ALL, Option.none(), 1).map(ClientGrant::id))
                .containsExactly(ordered.get(0));
        assertThat(bed.operations.clientGrants().listFrom(ClientGrantFilter.ALL, Option.some(ordered.get(0)), 5)
                .map(ClientGrant::id)).containsExactly(ordered.get(1));
    }
}
