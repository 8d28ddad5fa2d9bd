package io.twofold.mfa.app.wiring;

import io.micronaut.context.annotation.Factory;
import io.twofold.mfa.app.config.TwofoldConfiguration;
import io.twofold.mfa.app.metrics.Instrumentation;
import io.twofold.mfa.http.assertion.JoseClientAssertionVerifier;
import io.twofold.mfa.http.token.JwtTokenIssuer;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.port.in.MachineLogin;
import io.twofold.mfa.port.in.operator.ClientAdministration;
import io.twofold.mfa.port.in.operator.ClientGrantAdministration;
import io.twofold.mfa.port.in.operator.ClientKeyAdministration;
import io.twofold.mfa.port.in.operator.ResourceServerAdministration;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.usecase.operator.ClientKeyAdministrationService;
import io.twofold.mfa.usecase.operator.ClientOperations;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Builds the client, client-grant, API and machine-token use cases and hands each to its controller as a port. */
@Factory
class ClientOperationsFactory {

    @Singleton
    ClientOperations clientOperations(JdbcStorage storage, JwtTokenIssuer tokens, TwofoldConfiguration configuration,
                                      RandomSource random, Clock clock, JoseClientAssertionVerifier assertions) {
        return ClientOperations.of(storage.clients(), storage.clientStore(), storage.clientGrants(),
                storage.resourceServers(), tokens, configuration.managementTokenLifetime(), storage.unitOfWork(),
                storage.auditLog(), random, clock, assertions, storage.usedAssertions());
    }

    @Singleton
    ClientKeyAdministration clientKeyAdministration(JdbcStorage storage, RandomSource random, Clock clock) {
        return new ClientKeyAdministrationService(storage.clientStore(), storage.clientKeys(), storage.unitOfWork(),
                random, storage.auditLog(), clock);
    }

    @Singleton
    ClientAdministration clientAdministration(ClientOperations operations) {
        return operations.clients();
    }

    @Singleton
    ClientGrantAdministration clientGrantAdministration(ClientOperations operations) {
        return operations.clientGrants();
    }

    @Singleton
    ResourceServerAdministration resourceServerAdministration(ClientOperations operations) {
        return operations.resourceServers();
    }

    @Singleton
    MachineLogin machineLogin(ClientOperations operations, Instrumentation metrics) {
        return metrics.machineLogin(operations.machineLogin());
    }
}
