package io.twofold.mfa.jdbc.users.hashes;

import io.twofold.mfa.jdbc.users.hashes.HashFixtures.Fixture;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every scheme, with a hash another implementation made: the right password matches, others do not. */
class StoredHashTest {

    static Stream<Fixture> fixtures() {
        return HashFixtures.committed().toJavaStream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void matchesTheRightPasswordOnly(Fixture fixture) {
        StoredHash stored = fixture.stored().getOrElseThrow(reason -> new AssertionError(fixture.name() + ": " + reason));

        assertThat(stored.matches(fixture.password())).isTrue();
        assertThat(stored.matches(fixture.password() + "x")).isFalse();
        assertThat(stored.matches(fixture.password().toUpperCase())).isFalse();
        assertThat(stored.matches("")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsItsOwnStoredFormBackAndNeverShowsIt(Fixture fixture) {
        StoredHash stored = fixture.stored().get();

        assertThat(StoredHash.parse(stored.encoded())).containsExactly(stored);
        assertThat(stored.toString()).contains("redacted").doesNotContain(stored.encoded())
                .doesNotContain(stored.encoded().substring(stored.encoded().length() - 12));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void costlySchemesAreTheKeyDerivationFunctions(Fixture fixture) {
        boolean kdf = fixture.algorithm().matches("password_hash|bcrypt|argon2|pbkdf2|scrypt");

        assertThat(fixture.stored().get().costly()).isEqualTo(kdf);
    }
}
