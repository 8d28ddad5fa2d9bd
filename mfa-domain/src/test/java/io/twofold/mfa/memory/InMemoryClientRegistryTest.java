package io.twofold.mfa.memory;

import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.MfaPolicy;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryClientRegistryTest {
    private final InMemoryClientRegistry registry = new InMemoryClientRegistry();

    @Test
    void authenticatesAConfidentialClientOnlyWithItsSecret() {
        registry.registerConfidential("app", "s3cret", MfaPolicy.ALWAYS);
        ClientId app = new ClientId("app");

        assertThat(registry.authenticate(app, Option.some("s3cret")).map(c -> c.id())).containsExactly(app);
        assertThat(registry.authenticate(app, Option.some("s3cre"))).isEmpty();
        assertThat(registry.authenticate(app, Option.none())).isEmpty();
        assertThat(registry.authenticate(new ClientId("other"), Option.some("s3cret"))).isEmpty();
    }

    @Test
    void authenticatesAPublicClientWithoutASecret() {
        registry.registerPublic("spa", MfaPolicy.ENROLLED);

        assertThat(registry.authenticate(new ClientId("spa"), Option.none())).isNotEmpty();
        assertThat(registry.find(new ClientId("spa")).map(c -> c.mfaPolicy())).containsExactly(MfaPolicy.ENROLLED);
    }

    @Test
    void refusesAConfidentialClientWithoutASecret() {
        assertThatThrownBy(() -> registry.registerConfidential("app", null, MfaPolicy.NEVER))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
