package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.policy.BuiltInApis;
import io.twofold.mfa.port.in.MachineLogin;
import io.twofold.mfa.port.in.operator.ClientAdministration;
import io.twofold.mfa.port.in.operator.ClientGrantAdministration;
import io.twofold.mfa.port.in.operator.ResourceServerAdministration;
import io.twofold.mfa.port.out.AuditLog;
import io.twofold.mfa.port.out.ClientAssertionVerifier;
import io.twofold.mfa.port.out.ClientGrantStore;
import io.twofold.mfa.port.out.ClientRegistry;
import io.twofold.mfa.port.out.ClientStore;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.ResourceServerStore;
import io.twofold.mfa.port.out.TokenIssuer;
import io.twofold.mfa.port.out.UnitOfWork;
import io.twofold.mfa.port.out.UsedAssertionStore;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.twofold.mfa.usecase.internal.ClientAssertions;
import io.twofold.mfa.usecase.internal.ClientGate;
import io.vavr.control.Option;
import io.twofold.mfa.usecase.internal.RegisteredApis;

import java.time.Clock;
import java.time.Duration;

/** The use cases of clients, client grants, registered APIs and machine tokens, built by hand from their ports. */
public record ClientOperations(ClientAdministration clients, ClientGrantAdministration clientGrants,
                               ResourceServerAdministration resourceServers, MachineLogin machineLogin) {

    public static ClientOperations of(ClientRegistry registry, ClientStore clients, ClientGrantStore grants,
                                      ResourceServerStore apis, TokenIssuer tokens, UnitOfWork unitOfWork,
                                      AuditLog auditLog, RandomSource random, Clock clock) {
        return of(registry, clients, grants, apis, tokens, BuiltInApis.MANAGEMENT_TOKEN_LIFETIME, unitOfWork, auditLog,
                random, clock);
    }

    /** As above, with the lifetime of Management API tokens the deployment configured (Auth0's is 24 h). */
    public static ClientOperations of(ClientRegistry registry, ClientStore clients, ClientGrantStore grants,
                                      ResourceServerStore apis, TokenIssuer tokens, Duration managementTokenLifetime,
                                      UnitOfWork unitOfWork, AuditLog auditLog, RandomSource random, Clock clock) {
        return of(registry, clients, grants, apis, tokens, managementTokenLifetime, unitOfWork, auditLog, random, clock,
                Option.none());
    }

    /** As above, with clients that may authenticate by Private Key JWT for machine tokens. */
    public static ClientOperations of(ClientRegistry registry, ClientStore clients, ClientGrantStore grants,
                                      ResourceServerStore apis, TokenIssuer tokens, Duration managementTokenLifetime,
                                      UnitOfWork unitOfWork, AuditLog auditLog, RandomSource random, Clock clock,
                                      ClientAssertionVerifier verifier, UsedAssertionStore used) {
        return of(registry, clients, grants, apis, tokens, managementTokenLifetime, unitOfWork, auditLog, random, clock,
                Option.some(new ClientAssertions(registry, verifier, used, clock)));
    }

    private static ClientOperations of(ClientRegistry registry, ClientStore clients, ClientGrantStore grants,
                                       ResourceServerStore apis, TokenIssuer tokens, Duration managementTokenLifetime,
                                       UnitOfWork unitOfWork, AuditLog auditLog, RandomSource random, Clock clock,
                                       Option<ClientAssertions> assertions) {
        AuditTrail audit = new AuditTrail(auditLog, clock);
        ClientKeys keys = new ClientKeys(random);
        RegisteredApis registered = RegisteredApis.of(apis, tokens, managementTokenLifetime);
        return new ClientOperations(
                new ClientAdministrationService(clients, grants, unitOfWork, keys, audit),
                new ClientGrantAdministrationService(grants, clients, registered, unitOfWork, keys, audit),
                new ResourceServerAdministrationService(apis, grants, registered, unitOfWork, keys, audit),
                new ClientCredentialsService(new ClientGate(registry, assertions), registered, grants, tokens, audit, clock));
    }
}
