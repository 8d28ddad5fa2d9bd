package io.twofold.mfa.http.token;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.impl.ECDSA;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import io.twofold.mfa.secret.SecureRandomSource;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Base64;
import java.util.Objects;

/**
 * Makes a JWS compact serialization (RFC 7515 7.1) with one key: the header and claims as nimbus
 * writes them, base64url by the JDK's encoder, the signature by a {@link Signature} kept per thread.
 * <p>
 * Nimbus's own {@code SignedJWT} encodes with a constant-time base64 codec, made for secrets; a token's
 * header, claims and signature are public, and that codec was a tenth of the server's CPU per
 * second-factor grant (issue 14's profile). Each thread keeps its own initialised {@code Signature}
 * (reset by every {@code sign()}), so no signature is built per token and no thread waits for
 * another; ECDSA draws each nonce from that thread's own DRBG.
 */
final class CompactSigner {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** An ES256 signature in JOSE form: R and S, 32 bytes each (RFC 7518 3.4). */
    private static final int ES256_SIGNATURE_LENGTH = 64;

    private final JWK key;
    private final JWSAlgorithm algorithm;
    private final String accessTokenHeader;
    private final String idTokenHeader;
    private final ThreadLocal<Signature> signatures;

    private CompactSigner(JWK key, JWSAlgorithm algorithm, String jcaName, Provider provider, PrivateKey privateKey) {
        this.key = key;
        this.algorithm = algorithm;
        this.accessTokenHeader = encodedHeader(JwtTokenIssuer.ACCESS_TOKEN_TYPE);
        this.idTokenHeader = encodedHeader(JOSEObjectType.JWT);
        boolean ecdsa = algorithm == JWSAlgorithm.ES256;
        this.signatures = ThreadLocal.withInitial(() -> {
            try {
                Signature signature = Signature.getInstance(jcaName, provider);
                if (ecdsa) {
                    signature.initSign(privateKey, SecureRandomSource.perThread());
                } else {
                    signature.initSign(privateKey);
                }
                return signature;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("no " + jcaName + " signature from " + provider.getName()
                        + " (" + e.getClass().getSimpleName() + ")");
            }
        });
        // Fails here, at start-up or rotation, rather than on the first token.
        signatures.get();
    }

    /** RS256 with this RSA key, its private half in {@code provider}'s own form. */
    static CompactSigner rs256(RSAKey key, RsaSigningProvider provider) {
        return new CompactSigner(key, JWSAlgorithm.RS256, "SHA256withRSA", provider.provider(),
                provider.privateKey(RsaKeys.requireUsableSigningKey(key)));
    }

    /** ES256 with this P-256 key. */
    static CompactSigner es256(ECKey key, RsaSigningProvider provider) {
        return new CompactSigner(key, JWSAlgorithm.ES256, "SHA256withECDSA", provider.ecProvider(),
                provider.privateKey(EcKeys.requireUsableSigningKey(key)));
    }

    String keyId() {
        return key.getKeyID();
    }

    /** The signed token: {@code type} is {@code at+jwt} (access tokens) or {@code JWT} (ID tokens). */
    String sign(JWTClaimsSet claims, JOSEObjectType type) {
        String header = type.equals(JOSEObjectType.JWT) ? idTokenHeader : accessTokenHeader;
        String signingInput = header + '.' + BASE64URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        byte[] signature = signature(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + '.' + BASE64URL.encodeToString(signature);
    }

    private byte[] signature(byte[] signingInput) {
        Signature signature = signatures.get();
        try {
            signature.update(signingInput);
            byte[] made = signature.sign();
            return algorithm == JWSAlgorithm.ES256 ? ECDSA.transcodeSignatureToConcat(made, ES256_SIGNATURE_LENGTH) : made;
        } catch (GeneralSecurityException | JOSEException e) {
            // A failed sign() may leave the object mid-way: this thread starts again with a fresh one.
            signatures.remove();
            throw new IllegalStateException("could not sign a token with key " + key.getKeyID() + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private String encodedHeader(JOSEObjectType type) {
        JWSHeader header = new JWSHeader.Builder(algorithm).keyID(key.getKeyID()).type(type).build();
        return BASE64URL.encodeToString(Objects.requireNonNull(header.toString()).getBytes(StandardCharsets.UTF_8));
    }
}
