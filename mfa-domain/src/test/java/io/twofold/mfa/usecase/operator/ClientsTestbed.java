package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.fake.FakeTokenIssuer;
import io.twofold.mfa.memory.InMemoryAuditLog;
import io.twofold.mfa.memory.InMemoryClientGrantStore;
import io.twofold.mfa.memory.InMemoryClientRegistry;
import io.twofold.mfa.memory.InMemoryClientStore;
import io.twofold.mfa.memory.InMemoryResourceServerStore;
import io.twofold.mfa.memory.InMemoryUnitOfWork;
import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.AuditEvent;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.port.in.operator.ClientDraft;
import io.twofold.mfa.port.in.operator.ClientWithSecret;
import io.twofold.mfa.port.in.operator.ResourceServerDraft;
import io.twofold.mfa.testing.MutableClock;
import io.twofold.mfa.testing.SeededRandomSource;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** The client use cases on in-memory stores, a fixed clock and seeded randomness. */
final class ClientsTestbed {
    static final String ISSUER = "https://twofold.example/";
    static final String MANAGEMENT = ISSUER + "api/v2/";
    static final String MFA = ISSUER + "mfa/";
    static final String API = "https://api.example.com/";
    static final ClientId OPERATOR = new ClientId("operator");

    final MutableClock clock = MutableClock.at("2024-05-01T10:00:00Z");
    final InMemoryClientRegistry registry = new InMemoryClientRegistry();
    final InMemoryClientStore clientStore = new InMemoryClientStore(registry);
    final InMemoryClientGrantStore grantStore = new InMemoryClientGrantStore();
    final InMemoryResourceServerStore apiStore = new InMemoryResourceServerStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final FakeTokenIssuer tokens = new FakeTokenIssuer(clock, ISSUER);
    final ClientOperations operations = ClientOperations.of(registry, clientStore, grantStore, apiStore, tokens,
            new InMemoryUnitOfWork(), audit, new SeededRandomSource(7), clock);

    /** A registered API with two scopes and a one-hour token lifetime. */
    ResourceServer api() {
        return operations.resourceServers().create(OPERATOR, new ResourceServerDraft(API, Option.some("Example"),
                List.of(new ApiScope("read:things", "Read"), new ApiScope("write:things", "Write")),
                Option.some(java.time.Duration.ofHours(1)), false, Option.none())).get();
    }

    /** A machine-to-machine client (confidential, client_credentials). */
    ClientWithSecret machine() {
        return operations.clients().create(OPERATOR, new ClientDraft("robot", Option.none(), Option.some("non_interactive"),
                Option.none(), Option.none(), Option.none(), Option.none(), Option.none())).get();
    }

    ClientWithSecret client(String appType, GrantType... grants) {
        return operations.clients().create(OPERATOR, new ClientDraft("app", Option.none(), Option.some(appType),
                Option.none(), grants.length == 0 ? Option.none() : Option.some(HashSet.of(grants)), Option.none(),
                Option.none(), Option.none())).get();
    }

    List<String> auditTypes() {
        return audit.events().map(AuditEvent::type);
    }

    AuditEvent lastEvent() {
        return audit.events().last();
    }
}
