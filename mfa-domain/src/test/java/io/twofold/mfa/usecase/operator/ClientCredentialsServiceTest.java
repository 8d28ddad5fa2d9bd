package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.IssuedTokens;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.port.in.MachineLoginCommand;
import io.twofold.mfa.port.in.operator.ClientWithSecret;
import io.twofold.mfa.port.out.MachineTokenRequest;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.twofold.mfa.usecase.operator.ClientsTestbed.API;
import static io.twofold.mfa.usecase.operator.ClientsTestbed.MANAGEMENT;
import static io.twofold.mfa.usecase.operator.ClientsTestbed.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

class ClientCredentialsServiceTest {
    private final ClientsTestbed bed = new ClientsTestbed();
    private ClientWithSecret robot;

    @BeforeEach
    void apiClientAndGrant() {
        bed.api();
        robot = bed.machine();
        bed.operations.clientGrants().create(OPERATOR, robot.client().id(), API, List.of("read:things", "write:things"))
                .get();
    }

    private Either<MfaError, IssuedTokens> login(ClientWithSecret client, Option<String> secret, String audience,
                                                 String scope) {
        return bed.operations.machineLogin().login(new MachineLoginCommand(
                new ClientCredentials(client.client().id(), secret), Option.of(audience), Scope.parse(scope)));
    }

    private Either<MfaError, IssuedTokens> login(String audience, String scope) {
        return login(robot, robot.secret(), audience, scope);
    }

    @Test
    void issuesATokenWithTheGrantedScopesAndTheApisLifetime() {
        IssuedTokens tokens = login(API, null).get();

        assertThat(tokens.scope()).isEqualTo(Scope.parse("read:things write:things"));
        assertThat(tokens.expiresIn()).isEqualTo(3600);
        MachineTokenRequest request = bed.tokens.machineRequests().last();
        assertThat(request.client()).isEqualTo(robot.client().id());
        assertThat(request.audience()).isEqualTo(API);
        assertThat(request.lifetime()).isEqualTo(Duration.ofHours(1));
        assertThat(bed.lastEvent().type()).isEqualTo("token.client_credentials.success");
        assertThat(bed.lastEvent().client()).containsExactly(robot.client().id());
    }

    @Test
    void managementTokensLiveAsLongAsTheDeploymentSays() {
        ClientOperations shortLived = ClientOperations.of(bed.registry, bed.clientStore, bed.grantStore, bed.apiStore,
                bed.tokens, Duration.ofHours(2), new io.twofold.mfa.memory.InMemoryUnitOfWork(), bed.audit,
                new io.twofold.mfa.testing.SeededRandomSource(3), bed.clock);
        bed.operations.clientGrants().create(OPERATOR, robot.client().id(), ClientsTestbed.MANAGEMENT,
                List.of("read:users")).get();
        MachineLoginCommand command = new MachineLoginCommand(new ClientCredentials(robot.client().id(), robot.secret()),
                Option.of(ClientsTestbed.MANAGEMENT), Scope.EMPTY);

        assertThat(bed.operations.machineLogin().login(command).get().expiresIn()).isEqualTo(86_400);
        assertThat(shortLived.machineLogin().login(command).get().expiresIn()).isEqualTo(7_200);
    }

    @Test
    void narrowsToTheRequestedScopesButNeverWidens() {
        assertThat(login(API, "read:things delete:all").get().scope()).isEqualTo(Scope.parse("read:things"));
    }

    @Test
    void dropsGrantedScopesTheApiNoLongerDefines() {
        bed.apiStore.update(new io.twofold.mfa.model.ResourceServer(bed.apiStore.findByIdentifier(API).get().id(), API,
                "Example", List.of(new io.twofold.mfa.model.ApiScope("write:things", "")), Duration.ofHours(1), false,
                io.twofold.mfa.model.SigningAlgorithm.RS256, false));

        assertThat(login(API, null).get().scope()).isEqualTo(Scope.parse("write:things"));
    }

    @Test
    void refusesAWrongSecretAndAnUnknownClient() {
        assertThat(login(robot, Option.some("wrong"), API, null).getLeft()).isInstanceOf(MfaError.InvalidClient.class);
        assertThat(bed.operations.machineLogin().login(new MachineLoginCommand(
                new ClientCredentials(new ClientId("nobody"), Option.some("x")), Option.some(API), Scope.EMPTY)).getLeft())
                .isInstanceOf(MfaError.InvalidClient.class);
        assertThat(bed.lastEvent().type()).isEqualTo("token.client_credentials.failure");
        assertThat(bed.lastEvent().client()).isEmpty();
    }

    @Test
    void refusesAClientThatDoesNotListTheGrant() {
        ClientWithSecret web = bed.client("regular_web");

        assertThat(login(web, web.secret(), API, null).getLeft()).isInstanceOf(MfaError.UnauthorizedClient.class);
    }

    @Test
    void refusesAMissingAnUnknownOrAnUngrantedAudience() {
        assertThat(login(robot, robot.secret(), null, null).getLeft()).isInstanceOf(MfaError.MissingAudience.class);
        assertThat(login("https://nowhere/", null).getLeft())
                .isEqualTo(new MfaError.UnknownAudience("https://nowhere/"));
        assertThat(login(MANAGEMENT, null).getLeft()).isEqualTo(new MfaError.NoClientGrant(MANAGEMENT));
        assertThat(bed.lastEvent().type()).isEqualTo("token.client_credentials.failure");
        assertThat(bed.lastEvent().details().toJavaMap()).containsEntry("reason", "NoClientGrant");
        assertThat(bed.tokens.machineRequests()).isEmpty();
    }

    @Test
    void aDeletedGrantIssuesNoMoreTokens() {
        String grant = bed.grantStore.find(robot.client().id(), API).get().id();
        bed.operations.clientGrants().delete(OPERATOR, grant).get();

        assertThat(login(API, null).getLeft()).isEqualTo(new MfaError.NoClientGrant(API));
    }
}
