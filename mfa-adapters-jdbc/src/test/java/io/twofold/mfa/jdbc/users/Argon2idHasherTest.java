package io.twofold.mfa.jdbc.users;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    @Test
    void keepsTheMemoryOfAHashZeroedForTheNextOne() throws Exception {
        // m=64 KiB, p=1: 64 blocks of 1 KiB per hash, and Bouncy Castle's working blocks.
        int blocks = Argon2BytesGenerator.getBlockCount(64, 1);
        Argon2idHasher hasher = new Argon2idHasher(new PasswordHashing(64, 1, 1, 16, 32), new SecureRandom(), 2);
        assertThat(hasher.keptBlocks()).isEmpty();

        String phc = hasher.hash("pw");
        List<Argon2BytesGenerator.Block> afterFirst = hasher.keptBlocks();
        assertThat(hasher.verify("pw", phc)).isTrue();
        List<Argon2BytesGenerator.Block> afterSecond = hasher.keptBlocks();

        assertThat(afterFirst).as("one hash's blocks, kept").hasSize(blocks).hasSizeGreaterThanOrEqualTo(64);
        assertThat(identities(afterSecond)).as("the second hash ran on the first one's blocks")
                .isEqualTo(identities(afterFirst));
        assertThat(nonZeroWords(afterSecond)).as("every kept block zeroed").isZero();
    }

    @Test
    void hashesOnKeptMemoryEqualHashesOnFreshMemory() throws Exception {
        PasswordHashing cheap = new PasswordHashing(64, 2, 1, 16, 32);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            // Each from a new hasher: fresh memory.
            made.add(new Argon2idHasher(cheap, new SecureRandom(), 1).hash("password-" + i));
        }
        // Larger and smaller stored parameters go through the same kept memories in between.
        String larger = new Argon2idHasher(new PasswordHashing(256, 1, 2, 16, 32), new SecureRandom(), 1).hash("larger");
        String smaller = new Argon2idHasher(new PasswordHashing(16, 1, 1, 16, 32), new SecureRandom(), 1).hash("smaller");
        Argon2idHasher reused = new Argon2idHasher(cheap, new SecureRandom(), 2);
        // 32 threads released together on two permits: the kept memories change hands all the time.
        int threadCount = 32;
        ExecutorService threads = Executors.newFixedThreadPool(threadCount);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int t = 0; t < threadCount; t++) {
                int first = t;
                checks.add(threads.submit(() -> {
                    start.await();
                    boolean all = reused.verify("larger", larger) && reused.verify("smaller", smaller);
                    for (int k = 0; k < made.size(); k++) {
                        int i = (first + k) % made.size();
                        String password = "password-" + i;
                        all &= reused.verify(password, made.get(i)) && !reused.verify(password + "!", made.get(i));
                    }
                    return all;
                }));
            }
            start.countDown();
            for (Future<Boolean> check : checks) {
                assertThat(check.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(reused.keptBlocks()).as("at most the hasher's own block count per permit")
                .hasSizeLessThanOrEqualTo(2 * Argon2BytesGenerator.getBlockCount(64, 1));
        assertThat(nonZeroWords(reused.keptBlocks())).isZero();
    }

    private static Set<Object> identities(List<Argon2BytesGenerator.Block> blocks) {
        Set<Object> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(blocks);
        return set;
    }

    /** Bouncy Castle keeps a block's words private: read them as a heap dump would. */
    private static long nonZeroWords(List<Argon2BytesGenerator.Block> blocks) throws ReflectiveOperationException {
        Field words = Argon2BytesGenerator.Block.class.getDeclaredField("v");
        words.setAccessible(true);
        long count = 0;
        for (Argon2BytesGenerator.Block block : blocks) {
            for (long word : (long[]) words.get(block)) {
                count += word == 0 ? 0 : 1;
            }
        }
        return count;
    }
}
