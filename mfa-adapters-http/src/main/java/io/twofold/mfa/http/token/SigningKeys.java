package io.twofold.mfa.http.token;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.twofold.mfa.model.SigningAlgorithm;
import io.twofold.mfa.port.out.KeptSigningKey;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.SigningKeyStore;
import io.twofold.mfa.secret.SecureRandomSource;
import io.vavr.Tuple;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * The token-signing keys of this deployment and their public JWKS: an RSA key (RS256: ID tokens, the
 * built-in APIs, and every API that has not chosen otherwise) and an EC P-256 key (ES256, for the APIs
 * that chose it). Each is either given (configuration, tests) or shared through the
 * {@link SigningKeyStore}: the first node to start generates and saves it; a rotation (see
 * {@link SigningKeyRotation}) makes a new one current there, and every node picks it up at its next re-read
 * ({@link KeyRefresh#every()}). A token signed by a key this node does not know yet makes it re-read at
 * once (at most once a second), so a token signed by another node verifies here even before the
 * interval has passed.
 */
public final class SigningKeys {
    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    private static final long ON_DEMAND_AT_MOST_EVERY_NANOS = 1_000_000_000L;

    private final Option<SigningKeyStore> store;
    /** An RSA key from configuration signs instead of the stored ones; the EC key still comes from the store. */
    private final Option<RSAKey> configuredRsa;
    private final Clock clock;
    private final KeyRefresh refresh;
    private final LongSupplier nanoTime;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot snapshot;
    private volatile long nextRefresh;
    private volatile long nextOnDemand;

    /** The keys as last read: the two that sign, and every key that verifies (public parts), by kid. */
    private record Snapshot(RSAKey rsa, ECKey ec, Map<String, JWK> verifying, String publicJwkSetJson) {
        static Snapshot of(RSAKey rsa, ECKey ec, List<JWK> retired) {
            List<JWK> all = retired.prepend(ec).prepend(rsa);
            Map<String, JWK> verifying = LinkedHashMap.ofEntries(all.map(key -> Tuple.of(key.getKeyID(),
                    key.toPublicJWK())));
            String jwks = new JWKSet(all.map(JWK::toPublicJWK).toJavaList()).toString(true);
            return new Snapshot(rsa, ec, verifying, jwks);
        }

        String kids() {
            return rsa.getKeyID() + " (RS256), " + ec.getKeyID() + " (ES256)";
        }
    }

    private SigningKeys(Option<SigningKeyStore> store, Option<RSAKey> configuredRsa, Clock clock, KeyRefresh refresh,
                        LongSupplier nanoTime, Snapshot snapshot) {
        this.store = store;
        this.configuredRsa = configuredRsa;
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
     * The keys in the store, or new ones with random kids saved there (a 2048-bit RSA key, a P-256 EC
     * key). When another node saves its key first, that key is read back and used instead of ours.
     */
    public static SigningKeys loadOrCreate(SigningKeyStore store, Clock clock, RandomSource random, KeyRefresh refresh,
                                           LongSupplier nanoTime) {
        Objects.requireNonNull(store, "store");
        saveIfAbsent(store, SigningAlgorithm.RS256, clock, random);
        saveIfAbsent(store, SigningAlgorithm.ES256, clock, random);
        Snapshot snapshot = read(store, Option.none(), clock, refresh)
                .getOrElseThrow(() -> new IllegalStateException("the signing key store refused our keys but holds none"));
        return new SigningKeys(Option.some(store), Option.none(), clock, refresh, nanoTime, snapshot);
    }

    /**
     * The RSA key given in configuration ({@link #fromConfiguredKey}) signs RS256; the EC key is the
     * one in the store (generated there by the first node), re-read and rotated like any stored key.
     */
    public static SigningKeys withConfiguredRsaKey(String jwkJsonOrPem, SigningKeyStore store, Clock clock,
                                                   RandomSource random, KeyRefresh refresh, LongSupplier nanoTime) {
        Option<RSAKey> rsa = Option.some(RsaKeys.parse(jwkJsonOrPem));
        saveIfAbsent(store, SigningAlgorithm.ES256, clock, random);
        Snapshot snapshot = read(store, rsa, clock, refresh)
                .getOrElseThrow(() -> new IllegalStateException("the signing key store refused our key but holds none"));
        return new SigningKeys(Option.some(store), rsa, clock, refresh, nanoTime, snapshot);
    }

    /**
     * A key given in configuration: a private RSA JWK as JSON, or a PEM private key (PKCS#8
     * {@code BEGIN PRIVATE KEY} or PKCS#1 {@code BEGIN RSA PRIVATE KEY}). Without a kid it gets
     * its RFC 7638 thumbprint. With no store, the EC key is generated for this process alone.
     */
    public static SigningKeys fromConfiguredKey(String jwkJsonOrPem) {
        return of(RsaKeys.parse(jwkJsonOrPem));
    }

    /**
     * The given RSA key as it is, never re-read, and an EC key generated for this instance alone; for
     * tests and for hosts that manage keys themselves (their ES256 tokens verify on this process only).
     */
    public static SigningKeys of(RSAKey key) {
        return of(key, EcKeys.generate(FreshKeys.randomKeyId(new SecureRandomSource())));
    }

    /** The given keys as they are, never re-read. */
    public static SigningKeys of(RSAKey rsa, ECKey ec) {
        return new SigningKeys(Option.none(), Option.none(), Clock.systemUTC(), KeyRefresh.DEFAULT, System::nanoTime,
                Snapshot.of(RsaKeys.requireUsableSigningKey(rsa), EcKeys.requireUsableSigningKey(ec), List.empty()));
    }

    /** The RSA private key that signs now: RS256 access tokens and every ID token. */
    public RSAKey signingKey() {
        refreshIfDue();
        return snapshot.rsa();
    }

    /** The EC private key that signs ES256 access tokens now. */
    public ECKey ecSigningKey() {
        refreshIfDue();
        return snapshot.ec();
    }

    /**
     * The public key with this kid, if it may verify a token now (a current key or one retired recently):
     * an {@link RSAKey} or an {@link ECKey}; the verifier checks that it fits the token's algorithm.
     */
    public Option<JWK> verificationKey(String kid) {
        Option<JWK> known = snapshot.verifying().get(kid);
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

    /** The kid of the RSA key that signs now. */
    public String keyId() {
        return signingKey().getKeyID();
    }

    /** The kid of the EC key that signs now. */
    public String ecKeyId() {
        return ecSigningKey().getKeyID();
    }

    /**
     * The JWK set with the public keys only, the current RSA key first, then the current EC key, then
     * the retired ones, as JSON: RSA keys as {@code kty, e, n, kid, use, alg: RS256}, EC keys as
     * {@code kty: EC, crv: P-256, x, y, kid, use, alg: ES256}.
     */
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
            read(store.get(), configuredRsa, clock, refresh).forEach(after -> {
                snapshot = after;
                if (!after.kids().equals(before.kids())) {
                    LOG.info("tokens are now signed with keys {} (were {})", after.kids(), before.kids());
                }
            });
        } catch (RuntimeException e) {
            LOG.warn("cannot re-read the signing keys, going on with keys {}: {}", snapshot.kids(),
                    e.getClass().getSimpleName());
        } finally {
            refreshing.unlock();
        }
    }

    /**
     * The current keys and the retired keys still within their time; none when the store lacks a
     * current key. With a configured RSA key, the stored RSA keys are left out.
     */
    private static Option<Snapshot> read(SigningKeyStore store, Option<RSAKey> configuredRsa, Clock clock,
                                         KeyRefresh refresh) {
        List<KeptSigningKey> kept = store.all()
                .filter(key -> configuredRsa.isEmpty() || key.key().algorithm() != SigningAlgorithm.RS256);
        Instant forgetBefore = clock.instant().minus(refresh.retiredKeysKept());
        Option<RSAKey> rsa = configuredRsa.orElse(() -> current(kept, SigningAlgorithm.RS256).map(SigningKeys::rsa));
        Option<ECKey> ec = current(kept, SigningAlgorithm.ES256).map(SigningKeys::ec);
        List<JWK> retired = kept
                .filter(key -> key.retiredAt().exists(at -> at.isAfter(forgetBefore)))
                .map(key -> parse(key.key()));
        return rsa.flatMap(r -> ec.map(e -> Snapshot.of(r, e, retired)));
    }

    private static Option<SigningKey> current(List<KeptSigningKey> kept, SigningAlgorithm algorithm) {
        return kept.find(key -> key.isCurrent() && key.key().algorithm() == algorithm).map(KeptSigningKey::key);
    }

    private static void saveIfAbsent(SigningKeyStore store, SigningAlgorithm algorithm, Clock clock,
                                     RandomSource random) {
        if (store.current(algorithm).isEmpty()) {
            store.saveIfAbsent(FreshKeys.generate(algorithm, random, clock.instant()));
        }
    }

    private static JWK parse(SigningKey stored) {
        return stored.algorithm() == SigningAlgorithm.ES256 ? ec(stored) : rsa(stored);
    }

    private static RSAKey rsa(SigningKey stored) {
        try {
            return RsaKeys.requireUsableSigningKey(matchingKid(stored, RSAKey.parse(stored.privateJwkJson())));
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key " + stored.keyId() + " is not a valid RSA JWK");
        }
    }

    private static ECKey ec(SigningKey stored) {
        try {
            return EcKeys.requireUsableSigningKey(matchingKid(stored, ECKey.parse(stored.privateJwkJson())));
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key " + stored.keyId() + " is not a valid EC JWK");
        }
    }

    private static <K extends JWK> K matchingKid(SigningKey stored, K key) {
        if (!stored.keyId().equals(key.getKeyID())) {
            throw new IllegalStateException("the stored signing key's kid does not match its record");
        }
        return key;
    }

    @Override
    public String toString() {
        return "SigningKeys[" + snapshot.verifying().keySet().mkString(",") + ", private=***]";
    }
}
