package io.twofold.mfa.jdbc.users.hashes;

import io.twofold.mfa.jdbc.users.hashes.KeycloakFixture.KeycloakUser;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The credentials a real Keycloak 26.5.6 exported verify with their users' passwords. */
class KeycloakPasswordHashesTest {

    static Stream<KeycloakUser> users() {
        return KeycloakFixture.users().toJavaStream();
    }

    @Test
    void theFixtureHoldsAllFourSchemes() {
        assertThat(KeycloakFixture.users().map(user -> user.credential().algorithm()).distinct())
                .containsExactlyInAnyOrder("argon2", "pbkdf2-sha256", "pbkdf2-sha512", "pbkdf2");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("users")
    void anExportedCredentialVerifiesItsUsersPasswordOnly(KeycloakUser user) {
        StoredHash stored = KeycloakPasswordHashes.fromCredential(user.credential())
                .getOrElseThrow(reason -> new AssertionError(user + ": " + reason));

        assertThat(stored.scheme()).isEqualTo(user.credential().algorithm().equals("argon2") ? "argon2id"
                : user.credential().algorithm().equals("pbkdf2") ? "pbkdf2-sha1" : user.credential().algorithm());
        assertThat(stored.matches(user.password())).isTrue();
        assertThat(stored.matches(user.password() + "!")).isFalse();
    }

    @Test
    void refusesWhatItCannotReadWithoutQuotingIt() {
        KeycloakPasswordCredential argon2 = KeycloakFixture.users().head().credential();

        assertThat(KeycloakPasswordHashes.fromCredential(new KeycloakPasswordCredential("bcrypt", 10, argon2.value(),
                argon2.salt(), HashMap.empty())).getLeft()).contains("must be argon2, pbkdf2");
        assertThat(KeycloakPasswordHashes.fromCredential(new KeycloakPasswordCredential("argon2", 5, "%%%",
                argon2.salt(), HashMap.empty())).getLeft()).contains("not base64").doesNotContain("%%%");
        assertThat(KeycloakPasswordHashes.fromCredential(new KeycloakPasswordCredential("argon2", 5, argon2.value(),
                argon2.salt(), HashMap.of("type", List.of("x")))).getLeft()).contains("type must be");
        assertThat(KeycloakPasswordHashes.fromCredential(new KeycloakPasswordCredential("pbkdf2-sha256", 0, argon2.value(),
                argon2.salt(), HashMap.empty())).getLeft()).contains("parameter i must be between").doesNotContain(argon2.value());
        assertThat(argon2.toString()).doesNotContain(argon2.value()).doesNotContain(argon2.salt());
    }
}
