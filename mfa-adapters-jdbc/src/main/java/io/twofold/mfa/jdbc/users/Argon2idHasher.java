package io.twofold.mfa.jdbc.users;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, unpadded base64).
 * <p>
 * Each hash holds its whole memory cost (19 MiB with the OWASP parameters) while it runs, so at
 * most {@code maxConcurrent} run at once, by default one per processor: more would not finish
 * sooner on a CPU-bound job, but a login burst on a 32-thread pool would hold ~600 MB of heap.
 * The rest wait in a fair (first come, first served) queue. Every hash goes through it, the dummy
 * hash for unknown users included, so an unknown user still waits and costs what a known one does.
 * <p>
 * Each permit keeps the memory of its last hash for the next one ({@link KeptMemory}): allocating
 * 19 MiB afresh per hash cost a login about a quarter of its CPU in a loaded server (zeroing new
 * objects, page faults on heap the collector had handed back, copying live blocks in young
 * collections). So a hasher holds at most {@code maxConcurrent} times the memory cost for as long
 * as it lives, the peak it reaches under a login burst anyway; Bouncy Castle zeroes every block
 * before it is kept.
 */
public final class Argon2idHasher {
    /** One hash per processor: the default for {@code maxConcurrent}. */
    public static final int DEFAULT_MAX_CONCURRENT = Runtime.getRuntime().availableProcessors();

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();

    private final PasswordHashing parameters;
    private final SecureRandom random;
    private final Semaphore permits;
    /**
     * One kept memory per permit: a hash takes one only while it holds a permit, so one is always
     * free. Last in, first out: the memory used last (its pages touched, maybe cached) goes first, and
     * one that a quiet node never needs is never filled.
     */
    private final BlockingDeque<KeptMemory> memories;
    private final Runnable whileHashing;

    public Argon2idHasher(PasswordHashing parameters, SecureRandom random) {
        this(parameters, random, DEFAULT_MAX_CONCURRENT);
    }

    /** @param maxConcurrent how many hashes may run at once (each holds its memory cost) */
    public Argon2idHasher(PasswordHashing parameters, SecureRandom random, int maxConcurrent) {
        this(parameters, random, maxConcurrent, () -> { });
    }

    /** {@code whileHashing} runs inside each hash while it holds its permit: a test hook. */
    Argon2idHasher(PasswordHashing parameters, SecureRandom random, int maxConcurrent, Runnable whileHashing) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("at least one password hash must be allowed to run");
        }
        this.parameters = parameters;
        this.random = random;
        this.permits = new Semaphore(maxConcurrent, true);
        this.memories = new LinkedBlockingDeque<>(maxConcurrent);
        int blocks = Argon2BytesGenerator.getBlockCount(parameters.memoryKib(), parameters.parallelism());
        for (int i = 0; i < maxConcurrent; i++) {
            memories.add(new KeptMemory(blocks));
        }
        this.whileHashing = whileHashing;
    }

    public String hash(String password) {
        byte[] salt = new byte[parameters.saltBytes()];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters.memoryKib(), parameters.iterations(),
                parameters.parallelism(), parameters.hashBytes());
        return "$argon2id$v=19$m=" + parameters.memoryKib() + ",t=" + parameters.iterations()
                + ",p=" + parameters.parallelism() + "$" + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /** Whether the password matches the PHC string, using the parameters stored in it; false when it is malformed. */
    public boolean verify(String password, String phc) {
        Matcher m = PHC.matcher(phc);
        if (!m.matches()) {
            return false;
        }
        byte[] expected = DECODER.decode(m.group(5));
        byte[] actual = derive(password, DECODER.decode(m.group(4)), Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), expected.length);
        // Constant time: how many leading bytes match must not show in the timing.
        return MessageDigest.isEqual(expected, actual);
    }

    /**
     * Whether a stored hash is Argon2id made with this hasher's parameters: anything else (another
     * scheme, or older parameters) is rehashed on the user's next successful login.
     */
    public boolean isCurrent(String phc) {
        Matcher m = PHC.matcher(phc);
        return m.matches()
                && Integer.parseInt(m.group(1)) == parameters.memoryKib()
                && Integer.parseInt(m.group(2)) == parameters.iterations()
                && Integer.parseInt(m.group(3)) == parameters.parallelism()
                // Unpadded base64 of n bytes has ceil(4n / 3) characters; decoding a corrupt row could throw.
                && m.group(5).length() == (parameters.hashBytes() * 4 + 2) / 3;
    }

    /**
     * Runs a costly hash of another scheme (an imported bcrypt, scrypt, Argon2 or PBKDF2 hash) under
     * the same permits as this hasher's own, so imported users cannot push a node past its bound.
     */
    public <T> T withPermit(Supplier<T> work) {
        // Uninterruptibly: a hash is short, and giving up would let an interrupt change the answer's timing.
        permits.acquireUninterruptibly();
        try {
            whileHashing.run();
            return work.get();
        } finally {
            permits.release();
        }
    }

    /**
     * Verifies a password {@code rounds} times on the calling thread. Call it once at start-up,
     * before requests arrive, so the first logins after a start do not wait while the hash runs in
     * the interpreter and C2 compiles it (README, "Known trap", for what was measured about the JIT
     * and Argon2 on the machine of record).
     */
    public void warmUp(int rounds) {
        String phc = hash("twofold-warm-up");
        for (int i = 0; i < rounds; i++) {
            verify("twofold-warm-up", phc);
        }
    }

    /** How many hashes are waiting for a permit now. */
    int waiting() {
        return permits.getQueueLength();
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
        return withPermit(() -> {
            KeptMemory memory = memories.removeFirst();
            try {
                return argon2(password, salt, memoryKib, iterations, lanes, length, memory);
            } finally {
                memories.addFirst(memory);
            }
        });
    }

    /** The blocks the kept memories hold now, between hashes (a test's view). */
    List<Argon2BytesGenerator.Block> keptBlocks() {
        List<Argon2BytesGenerator.Block> kept = new ArrayList<>();
        for (KeptMemory memory : memories) {
            kept.addAll(Arrays.asList(memory.free).subList(0, memory.size));
        }
        return kept;
    }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int lanes, int length,
                                 Argon2BytesGenerator.BlockPool memory) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(lanes)
                .withSalt(salt)
                .withBlockPool(memory)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }

    /**
     * The blocks of one hash, handed to the next hash on the same permit. Bouncy Castle takes every
     * block of a hash from it and gives each back zeroed when the hash ends (its {@code reset}), so
     * what is kept holds no trace of a password. Up to the hasher's own block count is kept; a hash
     * with larger stored parameters allocates the rest and lets it go. One thread at a time uses it
     * (the queue hands it over), so it needs no lock of its own.
     */
    private static final class KeptMemory implements Argon2BytesGenerator.BlockPool {
        private final Argon2BytesGenerator.Block[] free;
        private int size;

        KeptMemory(int blocks) {
            this.free = new Argon2BytesGenerator.Block[blocks];
        }

        @Override
        public Argon2BytesGenerator.Block allocate() {
            if (size == 0) {
                return new Argon2BytesGenerator.Block();
            }
            Argon2BytesGenerator.Block block = free[--size];
            free[size] = null;
            return block;
        }

        @Override
        public void deallocate(Argon2BytesGenerator.Block block) {
            if (size < free.length) {
                free[size++] = block;
            }
        }
    }
}
