package io.twofold.mfa.jdbc.users;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class Argon2idHasherTest {

    @Test
    void hashesWithOwaspParametersInPhcFormat() {
        Argon2idHasher hasher = new Argon2idHasher(PasswordHashing.OWASP, new SecureRandom());

        String phc = hasher.hash("hunter2");

        assertThat(phc).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
        assertThat(hasher.verify("hunter2", phc)).isTrue();
        assertThat(hasher.verify("hunter3", phc)).isFalse();
    }

    @Test
    void verifiesWithTheParametersStoredInTheHash() {
        String cheap = new Argon2idHasher(new PasswordHashing(64, 1, 1, 16, 32), new SecureRandom()).hash("pw");

        Argon2idHasher owasp = new Argon2idHasher(PasswordHashing.OWASP, new SecureRandom());

        assertThat(owasp.verify("pw", cheap)).isTrue();
    }

    @Test
    void saltsEveryHash() {
        Argon2idHasher hasher = new Argon2idHasher(new PasswordHashing(64, 1, 1, 16, 32), new SecureRandom());

        assertThat(hasher.hash("same")).isNotEqualTo(hasher.hash("same"));
    }

    @Test
    void rejectsMalformedHashes() {
        Argon2idHasher hasher = new Argon2idHasher(new PasswordHashing(64, 1, 1, 16, 32), new SecureRandom());

        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", "$argon2i$v=19$m=64,t=1,p=1$c2FsdHNhbHQ$aGFzaA")).isFalse();
        assertThat(hasher.verify("pw", "plain-sha256")).isFalse();
    }

    @Test
    void matchesTheArgon2idReferenceVector() {
        // The Argon2id v1.3 vector of the reference implementation's test suite (t=2, 64 MiB, p=1).
        String phc = "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc";
        Argon2idHasher hasher = new Argon2idHasher(PasswordHashing.OWASP, new SecureRandom());

        assertThat(hasher.verify("password", phc)).isTrue();
        assertThat(hasher.verify("Password", phc)).isFalse();
    }

    @Test
    void callsOnlyItsOwnParametersCurrent() {
        Argon2idHasher cheap = new Argon2idHasher(new PasswordHashing(64, 1, 1, 16, 32), new SecureRandom());
        String phc = cheap.hash("pw");

        assertThat(cheap.isCurrent(phc)).isTrue();
        assertThat(new Argon2idHasher(new PasswordHashing(128, 1, 1, 16, 32), new SecureRandom()).isCurrent(phc)).isFalse();
        assertThat(new Argon2idHasher(new PasswordHashing(64, 2, 1, 16, 32), new SecureRandom()).isCurrent(phc)).isFalse();
        assertThat(new Argon2idHasher(new PasswordHashing(64, 1, 1, 16, 64), new SecureRandom()).isCurrent(phc)).isFalse();
        assertThat(cheap.isCurrent("$2y$10$sMurq8/BPg0C8sYIINTlneggxkRVzmE0vCFW2KFiXAabilFbtUlke")).isFalse();
        assertThat(cheap.isCurrent(phc.replace("argon2id", "argon2i"))).isFalse();
    }

    @Test
    void runsOtherSchemesUnderTheSamePermits() {
        List<String> inside = new CopyOnWriteArrayList<>();
        Argon2idHasher hasher = new Argon2idHasher(new PasswordHashing(64, 1, 1, 16, 32), new SecureRandom(), 1,
                () -> inside.add("permit"));

        assertThat(hasher.withPermit(() -> "bcrypt checked")).isEqualTo("bcrypt checked");
        assertThat(inside).hasSize(1);
        assertThat(hasher.waiting()).isZero();
    }

    @Test
    void warmsUpOnTheCallingThreadWithRealVerifications() {
        List<String> threads = new CopyOnWriteArrayList<>();
        Argon2idHasher hasher = new Argon2idHasher(new PasswordHashing(64, 1, 1, 16, 32), new SecureRandom(), 2,
                () -> threads.add(Thread.currentThread().getName()));

        hasher.warmUp(5);

        assertThat(threads).as("one hash to verify against, then five verifications").hasSize(6)
                .containsOnly(Thread.currentThread().getName());
    }
}
