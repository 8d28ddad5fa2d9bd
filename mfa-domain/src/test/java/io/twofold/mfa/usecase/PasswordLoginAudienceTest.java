package io.twofold.mfa.usecase;

import io.twofold.mfa.error.MfaError;
import io.twofold.mfa.memory.InMemoryResourceServerStore;
import io.twofold.mfa.model.ApiScope;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.model.MfaTransaction;
import io.twofold.mfa.model.ResourceServer;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.model.Scope;
import io.twofold.mfa.model.SecretHash;
import io.twofold.mfa.port.in.LoginOutcome;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.testing.SeededRandomSource;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** User logins when APIs are registered: only registered audiences, only the scopes they define. */
class PasswordLoginAudienceTest {
    private static final String API = "https://api.example.com/";
    private final MfaTestbed bed = new MfaTestbed();
    private final InMemoryResourceServerStore apis = new InMemoryResourceServerStore();
    private MfaServices services;

    @BeforeEach
    void registerAnApi() {
        apis.add(new ResourceServer("a1", API, "Example", List.of(new ApiScope("read:things", "")),
                Duration.ofHours(1), false, SigningAlgorithm.RS256, false));
        services = bed.builder(new SeededRandomSource(1)).resourceServers(apis).build();
        bed.clients.registerPublic("never", MfaPolicy.NEVER);
    }

    private Either<MfaError, LoginOutcome> login(String client, Option<String> audience, String scope) {
        return services.passwordLogin().login(new PasswordLoginCommand(
                new ClientCredentials(new ClientId(client), client.equals("app")
                        ? Option.some(MfaTestbed.CLIENT_SECRET) : Option.none()),
                GrantType.PASSWORD, Option.none(), "alice", MfaTestbed.PASSWORD, audience, Scope.parse(scope),
                Option.some(MfaTestbed.CLIENT_IP), Option.none()));
    }

    @Test
    void refusesAnAudienceThatIsNotRegisteredBeforeCheckingThePassword() {
        assertThat(login("never", Option.some("https://unknown.example.com/"), "openid").getLeft())
                .isEqualTo(new MfaError.UnknownAudience("https://unknown.example.com/"));
        assertThat(bed.audit.eventsOfType("login.failure")).isEmpty();
    }

    @Test
    void refusesTheManagementApiToUsers() {
        assertThat(login("never", Option.some(bed.tokens.managementApiAudience()), "read:users").getLeft())
                .isEqualTo(new MfaError.AudienceNotForUsers(bed.tokens.managementApiAudience()));
    }

    @Test
    void keepsOidcScopesAndTheScopesTheApiDefinesOnly() {
        login("never", Option.some(API), "openid email read:things write:things offline_access").get();

        assertThat(bed.tokens.requests().last().scope()).isEqualTo(Scope.parse("openid email read:things offline_access"));
    }

    @Test
    void narrowsTheScopeOfALoginThatNeedsASecondFactorToo() {
        LoginOutcome outcome = login("app", Option.some(bed.tokens.mfaApiAudience()),
                "openid enroll read:authenticators delete:everything").get();

        assertThat(outcome).isInstanceOf(LoginOutcome.SecondFactorRequired.class);
        String mfaToken = ((LoginOutcome.SecondFactorRequired) outcome).mfaToken();
        MfaTransaction transaction = bed.transactions.findByTokenHash(SecretHash.of(mfaToken)).get();
        assertThat(transaction.scope()).isEqualTo(Scope.parse("openid enroll read:authenticators"));
    }

    @Test
    void withoutAnAudienceKeepsTodaysDefault() {
        login("never", Option.none(), "openid custom:thing").get();

        assertThat(bed.tokens.requests().last().scope()).isEqualTo(Scope.parse("openid custom:thing"));
    }
}
