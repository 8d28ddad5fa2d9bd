package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.in.operator.ResourceServerChanges;
import io.twofold.mfa.port.in.operator.ResourceServerDraft;
import io.twofold.mfa.model.ClientGrantFilter;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.twofold.mfa.usecase.operator.ClientsTestbed.API;
import static io.twofold.mfa.usecase.operator.ClientsTestbed.MANAGEMENT;
import static io.twofold.mfa.usecase.operator.ClientsTestbed.MFA;
import static io.twofold.mfa.usecase.operator.ClientsTestbed.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

class ResourceServerAdministrationServiceTest {
    private final ClientsTestbed bed = new ClientsTestbed();

    private static ResourceServerChanges rename(String name) {
        return new ResourceServerChanges(Option.some(name), Option.none(), Option.none(), Option.none(), Option.none());
    }

    @Test
    void listsTheBuiltInApisFirst() {
        ResourceServer api = bed.api();

        List<ResourceServer> all = bed.operations.resourceServers().list(0, 10).items();

        assertThat(all.map(ResourceServer::identifier)).containsExactly(MANAGEMENT, MFA, API);
        assertThat(all.map(ResourceServer::system)).containsExactly(true, true, false);
        assertThat(all.get(0).defines("create:client_grants")).isTrue();
        assertThat(all.get(0).defines("read:authentication_methods_pii")).isTrue();
        assertThat(all.get(0).tokenLifetime()).isEqualTo(Duration.ofSeconds(86_400));
        assertThat(bed.operations.resourceServers().list(2, 10).items()).containsExactly(api);
        assertThat(bed.operations.resourceServers().list(1, 1).items().map(ResourceServer::identifier))
                .containsExactly(MFA);
        assertThat(bed.operations.resourceServers().list(3, 10).items()).isEmpty();
        assertThat(bed.operations.resourceServers().list(0, 1).total()).isEqualTo(3);
    }

    @Test
    void findsByIdOrIdentifier() {
        ResourceServer api = bed.api();

        assertThat(bed.operations.resourceServers().find(api.id())).containsExactly(api);
        assertThat(bed.operations.resourceServers().find(API)).containsExactly(api);
        assertThat(bed.operations.resourceServers().find(MANAGEMENT).get().system()).isTrue();
        assertThat(bed.operations.resourceServers().find("nope").getLeft())
                .isInstanceOf(OperatorError.UnknownResourceServer.class);
    }

    @Test
    void refusesDuplicatesAndBadValues() {
        bed.api();
        ResourceServerDraft again = new ResourceServerDraft(API, Option.none(), List.empty(), Option.none(), false, Option.none());
        ResourceServerDraft builtIn = new ResourceServerDraft(MANAGEMENT, Option.none(), List.empty(), Option.none(), false, Option.none());
        ResourceServerDraft longLived = new ResourceServerDraft("urn:x", Option.none(), List.empty(),
                Option.some(Duration.ofDays(31)), false, Option.none());
        ResourceServerDraft twice = new ResourceServerDraft("urn:y", Option.none(),
                List.of(new ApiScope("a", ""), new ApiScope("a", "")), Option.none(), false, Option.none());

        assertThat(bed.operations.resourceServers().create(OPERATOR, again).getLeft())
                .isInstanceOf(OperatorError.ResourceServerExists.class);
        assertThat(bed.operations.resourceServers().create(OPERATOR, builtIn).getLeft())
                .isInstanceOf(OperatorError.ResourceServerExists.class);
        assertThat(bed.operations.resourceServers().create(OPERATOR, longLived).getLeft())
                .isInstanceOf(OperatorError.InvalidInput.class);
        assertThat(bed.operations.resourceServers().create(OPERATOR, twice).getLeft())
                .isInstanceOf(OperatorError.InvalidInput.class);
    }

    @Test
    void createsWithDefaults() {
        ResourceServer api = bed.operations.resourceServers().create(OPERATOR,
                new ResourceServerDraft("urn:defaults", Option.none(), List.empty(), Option.none(), false, Option.none())).get();

        assertThat(api.name()).isEqualTo("urn:defaults");
        assertThat(api.tokenLifetime()).isEqualTo(Duration.ofSeconds(86_400));
        assertThat(api.id()).matches("[0-9a-f]{24}");
        assertThat(api.signingAlgorithm()).isEqualTo(SigningAlgorithm.RS256);
        assertThat(bed.lastEvent().type()).isEqualTo("mgmt.resource_server.created");
    }

    @Test
    void updatesARegisteredApiButNeverABuiltInOne() {
        ResourceServer api = bed.api();

        assertThat(bed.operations.resourceServers().update(OPERATOR, api.id(), rename("renamed")).get().name())
                .isEqualTo("renamed");
        assertThat(bed.operations.resourceServers().update(OPERATOR, MANAGEMENT, rename("mine")).getLeft())
                .isInstanceOf(OperatorError.SystemResourceServer.class);
        assertThat(bed.operations.resourceServers().delete(OPERATOR, MFA).getLeft())
                .isInstanceOf(OperatorError.SystemResourceServer.class);
    }

    @Test
    void deletingAnApiDeletesItsGrants() {
        ResourceServer api = bed.api();
        bed.operations.clientGrants().create(OPERATOR, bed.machine().client().id(), API, List.empty()).get();

        assertThat(bed.operations.resourceServers().delete(OPERATOR, api.id())).containsExactly(api.id());

        assertThat(bed.grantStore.count(ClientGrantFilter.ALL)).isZero();
        assertThat(bed.operations.resourceServers().find(API)).isEmpty();
        assertThat(bed.lastEvent().type()).isEqualTo("mgmt.resource_server.deleted");
    }

    @Test
    void anApiChoosesES256AndKeepsItUntilChangedAgain() {
        ResourceServer es = bed.operations.resourceServers().create(OPERATOR, new ResourceServerDraft("urn:es",
                Option.none(), List.empty(), Option.none(), false, Option.some(SigningAlgorithm.ES256))).get();

        assertThat(es.signingAlgorithm()).isEqualTo(SigningAlgorithm.ES256);
        assertThat(bed.operations.resourceServers().update(OPERATOR, es.id(), rename("renamed")).get()
                .signingAlgorithm()).isEqualTo(SigningAlgorithm.ES256);
        ResourceServer back = bed.operations.resourceServers().update(OPERATOR, es.id(), new ResourceServerChanges(
                Option.none(), Option.none(), Option.none(), Option.none(), Option.some(SigningAlgorithm.RS256))).get();
        assertThat(back.signingAlgorithm()).isEqualTo(SigningAlgorithm.RS256);
        assertThat(bed.operations.resourceServers().find("urn:es").get().signingAlgorithm())
                .isEqualTo(SigningAlgorithm.RS256);
    }

    @Test
    void theBuiltInApisSignRS256AndCannotBeMovedToES256() {
        ResourceServerChanges toEs = new ResourceServerChanges(Option.none(), Option.none(), Option.none(),
                Option.none(), Option.some(SigningAlgorithm.ES256));

        assertThat(bed.operations.resourceServers().list(0, 2).items().map(ResourceServer::signingAlgorithm))
                .containsOnly(SigningAlgorithm.RS256);
        assertThat(bed.operations.resourceServers().update(OPERATOR, MFA, toEs).getLeft())
                .isInstanceOf(OperatorError.SystemResourceServer.class);
        assertThat(bed.operations.resourceServers().update(OPERATOR, MANAGEMENT, toEs).getLeft())
                .isInstanceOf(OperatorError.SystemResourceServer.class);
    }
}
