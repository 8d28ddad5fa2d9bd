package io.twofold.mfa.http.token;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.twofold.mfa.port.out.KeptSigningKey;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The token-signing keys of this deployment and their public JWKS. Either one key taken from
 * configuration, or the keys shared through the {@link SigningKeyStore}: the first node to start
 * generates and saves one; a rotation (see {@link #rotate}) makes a new one current there, and every
 * node picks it up at its next re-read ({@link KeyRefresh#every()}). A token signed by a key this node
 * does not know yet makes it re-read at once (at most once a second), so a token signed by another
 * node verifies here even before the interval has passed.
 */
public final class SigningKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final long ON_DEMAND_AT_MOST_EVERY_NANOS = 1_000_000_000L;

    private final Option<SigningKeyStore> store;
    private final Clock clock;
    private final KeyRefresh refresh;
    private final LongSupplier nanoTime;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot snapshot;
    private volatile long nextRefresh;
    private volatile long nextOnDemand;

    /** The keys as last read: the one that signs, and every key that verifies (public parts), by kid. */
    private record Snapshot(RSAKey current, Map<String, RSAKey> verifying, String publicJwkSetJson) {
        static Snapshot of(RSAKey current, List<RSAKey> retired) {
            List<RSAKey> all = retired.prepend(current);
            Map<String, RSAKey> verifying = LinkedHashMap.ofEntries(all.map(key -> io.vavr.Tuple.of(key.getKeyID(),
                    key.toPublicJWK())));
            String jwks = new JWKSet(all.map(key -> (JWK) key.toPublicJWK()).toJavaList()).toString(true);
            return new Snapshot(current, verifying, jwks);
        }
    }

    private SigningKeys(Option<SigningKeyStore> store, Clock clock, KeyRefresh refresh, LongSupplier nanoTime,
                        Snapshot snapshot) {
        this.store = store;
        this.clock = clock;
        this.refresh = refresh;
        this.nanoTime = nanoTime;
        this.snapshot = snapshot;
        long now = nanoTime.getAsLong();
        this.nextRefresh = now + refresh.every().toNanos();
        this.nextOnDemand = now;
    }

    /** {@link #loadOrCreate(SigningKeyStore, Clock, RandomSource, KeyRefresh, LongSupplier)} with the default refresh. */
    public static SigningKeys loadOrCreate(SigningKeyStore store, Clock clock, RandomSource random) {
        return loadOrCreate(store, clock, random, KeyRefresh.DEFAULT, System::nanoTime);
    }

    /**
     * The keys in the store, or a new 2048-bit key with a random kid saved there. When another node
     * saves its key first, that key is read back and used instead of ours.
     */
    public static SigningKeys loadOrCreate(SigningKeyStore store, Clock clock, RandomSource random, KeyRefresh refresh,
                                           LongSupplier nanoTime) {
        Objects.requireNonNull(store, "store");
        if (store.current().isEmpty()) {
            RSAKey fresh = RsaKeys.generate(randomKeyId(random));
            store.saveIfAbsent(new SigningKey(fresh.getKeyID(), fresh.toJSONString(), clock.instant()));
        }
        Snapshot snapshot = read(store, clock, refresh)
                .getOrElseThrow(() -> new IllegalStateException("the signing key store refused our key but holds none"));
        return new SigningKeys(Option.some(store), clock, refresh, nanoTime, snapshot);
    }

    /**
     * A key given in configuration: a private RSA JWK as JSON, or a PEM private key (PKCS#8
     * {@code BEGIN PRIVATE KEY} or PKCS#1 {@code BEGIN RSA PRIVATE KEY}). Without a kid it gets
     * its RFC 7638 thumbprint.
     */
    public static SigningKeys fromConfiguredKey(String jwkJsonOrPem) {
        return of(RsaKeys.parse(jwkJsonOrPem));
    }

    /** The given key as it is, never re-read; for tests and for hosts that manage keys themselves. */
    public static SigningKeys of(RSAKey key) {
        return new SigningKeys(Option.none(), Clock.systemUTC(), KeyRefresh.DEFAULT, System::nanoTime,
                Snapshot.of(RsaKeys.requireUsableSigningKey(key), List.empty()));
    }

    /**
     * Generates a key and makes it the current one in {@code store} (the first key when it holds none),
     * then forgets keys retired longer than {@code retiredKeysKept} ago. Every node signs with it after
     * its next re-read; the replaced key keeps verifying until it is forgotten.
     */
    public static Rotation rotate(SigningKeyStore store, Clock clock, RandomSource random, java.time.Duration retiredKeysKept) {
        RSAKey fresh = RsaKeys.generate(randomKeyId(random));
        Instant now = clock.instant();
        SigningKey next = new SigningKey(fresh.getKeyID(), fresh.toJSONString(), now);
        Option<String> previous = store.current().map(SigningKey::keyId);
        boolean made = previous.fold(() -> store.saveIfAbsent(next), kid -> store.rotate(kid, next, now));
        int dropped = store.dropRetiredBefore(now.minus(retiredKeysKept));
        return new Rotation(made, previous, store.current().map(SigningKey::keyId).getOrElse(""), dropped);
    }

    /**
     * What a rotation did: whether our new key became current ({@code false}: another rotation came
     * first, and {@code current} is its key), the key it replaced, and how many retired keys it forgot.
     */
    public record Rotation(boolean rotated, Option<String> previous, String current, int dropped) {
    }

    /** The private key that signs now, for {@link JwtTokenIssuer}. */
    public RSAKey signingKey() {
        refreshIfDue();
        return snapshot.current();
    }

    /** The public key with this kid, if it may verify a token now (the current key or one retired recently). */
    public Option<RSAKey> verificationKey(String kid) {
        Option<RSAKey> known = snapshot.verifying().get(kid);
        if (known.isDefined() || store.isEmpty()) {
            return known;
        }
        long now = nanoTime.getAsLong();
        if (now - nextOnDemand >= 0) {
            nextOnDemand = now + ON_DEMAND_AT_MOST_EVERY_NANOS;
            refreshNow(now);
        }
        return snapshot.verifying().get(kid);
    }

    public String keyId() {
        return signingKey().getKeyID();
    }

    /** The JWK set with the public keys only ({@code kty, e, n, kid, use, alg}), the current one first, as JSON. */
    public String publicJwkSetJson() {
        refreshIfDue();
        return snapshot.publicJwkSetJson();
    }

    private void refreshIfDue() {
        long now = nanoTime.getAsLong();
        if (store.isDefined() && now - nextRefresh >= 0) {
            refreshNow(now);
        }
    }

    /**
     * One thread re-reads; the others go on with the keys they have. A database that cannot be read
     * leaves them as they are: tokens are still signed and verified while it is away.
     */
    private void refreshNow(long now) {
        if (!refreshing.tryLock()) {
            return;
        }
        try {
            nextRefresh = now + refresh.every().toNanos();
            Snapshot before = snapshot;
            read(store.get(), clock, refresh).forEach(after -> {
                snapshot = after;
                if (!after.current().getKeyID().equals(before.current().getKeyID())) {
                    LOG.info("tokens are now signed with key {} (was {})", after.current().getKeyID(),
                            before.current().getKeyID());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("cannot re-read the signing keys, going on with key {}: {}", snapshot.current().getKeyID(),
                    e.getClass().getSimpleName());
        } finally {
            refreshing.unlock();
        }
    }

    /** The current key and the retired keys still within their time; none when the store holds no key. */
    private static Option<Snapshot> read(SigningKeyStore store, Clock clock, KeyRefresh refresh) {
        List<KeptSigningKey> kept = store.all();
        Instant forgetBefore = clock.instant().minus(refresh.retiredKeysKept());
        return kept.headOption().filter(KeptSigningKey::isCurrent).map(current -> Snapshot.of(
                parse(current.key()),
                kept.tail().filter(retired -> retired.retiredAt().forAll(at -> at.isAfter(forgetBefore)))
                        .map(retired -> parse(retired.key()))));
    }

    private static RSAKey parse(SigningKey stored) {
        try {
            RSAKey key = RSAKey.parse(stored.privateJwkJson());
            if (!stored.keyId().equals(key.getKeyID())) {
                throw new IllegalStateException("the stored signing key's kid does not match its record");
            }
            return RsaKeys.requireUsableSigningKey(key);
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key " + stored.keyId() + " is not a valid RSA JWK");
        }
    }

    private static String randomKeyId(RandomSource random) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String toString() {
        return "SigningKeys[" + snapshot.verifying().keySet().mkString(",") + ", private=***]";
    }
}
