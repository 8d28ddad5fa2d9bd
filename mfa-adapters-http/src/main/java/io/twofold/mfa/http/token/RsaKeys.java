package io.twofold.mfa.http.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;

import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.text.ParseException;
import java.util.Base64;

/** Makes, reads and checks the RSA signing key: a private JWK (JSON) or a PEM private key. */
final class RsaKeys {
    static final int MIN_BITS = 2048;

    private RsaKeys() {
    }

    /** A fresh 2048-bit RS256 signing key with the given key id. */
    static RSAKey generate(String keyId) {
        try {
            return new RSAKeyGenerator(MIN_BITS).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("the platform cannot generate an RSA key", e);
        }
    }

    /** Reads a private JWK JSON object or a PEM private key (PKCS#8 or PKCS#1). */
    static RSAKey parse(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("no signing key given");
        }
        String text = configured.strip();
        RSAKey key = text.startsWith("{") ? parseJwk(text) : parsePem(text);
        return requireUsableSigningKey(key);
    }

    static RSAKey requireUsableSigningKey(RSAKey key) {
        if (key == null || !key.isPrivate()) {
            throw new IllegalArgumentException("the signing key must be an RSA private key");
        }
        if (key.size() < MIN_BITS) {
            throw new IllegalArgumentException("the signing key must have at least " + MIN_BITS + " bits");
        }
        if (key.getKeyID() == null || key.getKeyID().isBlank()) {
            throw new IllegalArgumentException("the signing key needs a key id (kid)");
        }
        return key;
    }

    private static RSAKey parseJwk(String json) {
        try {
            JWK jwk = JWK.parse(json);
            if (!(jwk instanceof RSAKey rsa)) {
                throw new IllegalArgumentException("the configured JWK is not an RSA key");
            }
            return rsa.getKeyID() != null ? rsa : withThumbprintId(rsa);
        } catch (ParseException e) {
            // The parser's message may quote the key material; keep only the fact.
            throw new IllegalArgumentException("the configured signing key is not a valid JWK");
        }
    }

    private static RSAKey parsePem(String pem) {
        boolean pkcs1 = pem.contains("BEGIN RSA PRIVATE KEY");
        if (!pkcs1 && !pem.contains("BEGIN PRIVATE KEY")) {
            throw new IllegalArgumentException("the configured signing key is neither a JWK nor a PEM private key");
        }
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            byte[] pkcs8 = pkcs1 ? Pkcs8.fromPkcs1(der) : der;
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            if (!(rsa.generatePrivate(new PKCS8EncodedKeySpec(pkcs8)) instanceof RSAPrivateCrtKey priv)) {
                throw new IllegalArgumentException("the PEM key lacks the CRT parameters needed to derive its public key");
            }
            RSAPublicKey pub = (RSAPublicKey) rsa.generatePublic(
                    new RSAPublicKeySpec(priv.getModulus(), priv.getPublicExponent()));
            RSAKey key = new RSAKey.Builder(pub).privateKey(priv).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).build();
            return withThumbprintId(key);
        } catch (IllegalArgumentException | NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalArgumentException("the configured PEM signing key cannot be read");
        }
    }

    /**
     * A configured key without a kid gets its RFC 7638 thumbprint: every node given the same key
     * then publishes the same kid, where a random one would differ per node.
     */
    private static RSAKey withThumbprintId(RSAKey key) {
        try {
            return new RSAKey.Builder(key).keyIDFromThumbprint().build();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not compute the key thumbprint", e);
        }
    }
}
