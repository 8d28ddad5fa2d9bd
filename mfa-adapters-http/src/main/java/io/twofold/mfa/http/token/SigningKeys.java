package io.twofold.mfa.http.token;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import io.twofold.mfa.port.out.SigningKey;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.SigningKeyStore;

import java.text.ParseException;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;

/**
 * The token-signing key of this deployment and its public JWKS. Either taken from configuration,
 * or shared through the {@link SigningKeyStore}: the first node to start generates and saves one,
 * every other node (and every restart) reads that one, so all nodes sign and publish alike.
 */
public final class SigningKeys {
    private final RSAKey key;

    private SigningKeys(RSAKey key) {
        this.key = RsaKeys.requireUsableSigningKey(key);
    }

    /**
     * The key in the store, or a new 2048-bit key with a random kid saved there. When another node
     * saves its key first, that key is read back and used instead of ours.
     */
    public static SigningKeys loadOrCreate(SigningKeyStore store, Clock clock, RandomSource random) {
        Objects.requireNonNull(store, "store");
        return store.current().map(SigningKeys::fromStored).getOrElse(() -> {
            RSAKey fresh = RsaKeys.generate(randomKeyId(random));
            if (store.saveIfAbsent(new SigningKey(fresh.getKeyID(), fresh.toJSONString(), clock.instant()))) {
                return new SigningKeys(fresh);
            }
            return store.current().map(SigningKeys::fromStored)
                    .getOrElseThrow(() -> new IllegalStateException("the signing key store refused our key but holds none"));
        });
    }

    /**
     * A key given in configuration: a private RSA JWK as JSON, or a PEM private key (PKCS#8
     * {@code BEGIN PRIVATE KEY} or PKCS#1 {@code BEGIN RSA PRIVATE KEY}). Without a kid it gets
     * its RFC 7638 thumbprint.
     */
    public static SigningKeys fromConfiguredKey(String jwkJsonOrPem) {
        return new SigningKeys(RsaKeys.parse(jwkJsonOrPem));
    }

    /** The given key as it is; for tests and for hosts that manage keys themselves. */
    public static SigningKeys of(RSAKey key) {
        return new SigningKeys(key);
    }

    private static SigningKeys fromStored(SigningKey stored) {
        try {
            RSAKey key = RSAKey.parse(stored.privateJwkJson());
            if (!stored.keyId().equals(key.getKeyID())) {
                throw new IllegalStateException("the stored signing key's kid does not match its record");
            }
            return new SigningKeys(key);
        } catch (ParseException e) {
            throw new IllegalStateException("the stored signing key " + stored.keyId() + " is not a valid RSA JWK");
        }
    }

    private static String randomKeyId(RandomSource random) {
        byte[] bytes = new byte[12];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The private signing key, for {@link JwtTokenIssuer}. */
    public RSAKey signingKey() {
        return key;
    }

    public String keyId() {
        return key.getKeyID();
    }

    /** The JWK set with the public key only ({@code kty, e, n, kid, use, alg}), as JSON. */
    public String publicJwkSetJson() {
        return new JWKSet(key.toPublicJWK()).toString(true);
    }

    @Override
    public String toString() {
        return "SigningKeys[" + key.getKeyID() + ", private=***]";
    }
}
