package io.twofold.mfa.http.assertion;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import io.twofold.mfa.model.AssertionAlgorithm;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the public key a client registers for Private Key JWT, given as PEM (a {@code PUBLIC KEY} or
 * a {@code CERTIFICATE}, as Auth0 takes) or as a JWK, and admits it only if it is an RSA key of at
 * least {@link #MIN_RSA_BITS} bits or an EC key on P-256, public, and fit for the algorithm named.
 * What it keeps is the key in one form (SubjectPublicKeyInfo PEM) and its RFC 7638 thumbprint as kid.
 */
public final class PublicKeyCredentials {
    public static final int MIN_RSA_BITS = 2048;
    private static final int MAX_RSA_BITS = 8192;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN (PUBLIC KEY|CERTIFICATE)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    /** A key fit to register: its PEM, kid and algorithm, and the certificate's expiry when a certificate gave it. */
    public record Admitted(String pem, String kid, AssertionAlgorithm algorithm, Option<Instant> certificateExpiry) {
    }

    private PublicKeyCredentials() {
    }

    /** The key of a PEM {@code PUBLIC KEY} or {@code CERTIFICATE}; {@code alg} defaults by key type (RS256, ES256). */
    public static Either<String, Admitted> fromPem(String pem, Option<String> alg) {
        Matcher matcher = PEM.matcher(pem.trim());
        if (!matcher.matches()) {
            return Either.left("pem must be one PEM PUBLIC KEY or CERTIFICATE (never a private key)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return Either.left("pem is not valid base64");
        }
        if (matcher.group(1).equals("CERTIFICATE")) {
            try {
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(der));
                return admit(certificate.getPublicKey(), alg, Option.some(certificate.getNotAfter().toInstant()));
            } catch (GeneralSecurityException | ClassCastException e) {
                return Either.left("pem is not a valid X.509 certificate");
            }
        }
        return publicKey(der).map(key -> admit(key, alg, Option.none()))
                .getOrElse(() -> Either.left("pem is not a valid RSA or EC public key"));
    }

    /** The key of a JWK (JSON object text); its own {@code alg}, if any, must agree with {@code alg}. */
    public static Either<String, Admitted> fromJwk(String json, Option<String> alg) {
        JWK jwk;
        try {
            jwk = JWK.parse(json);
        } catch (ParseException e) {
            return Either.left("jwk is not a valid JSON Web Key");
        }
        if (jwk.isPrivate()) {
            return Either.left("jwk holds a private key: register the public key only");
        }
        Option<String> named = Option.of(jwk.getAlgorithm()).map(Object::toString);
        if (named.isDefined() && alg.isDefined() && !named.equals(alg)) {
            return Either.left("jwk names alg " + named.get() + " but alg " + alg.get() + " was given");
        }
        try {
            PublicKey key = jwk instanceof RSAKey rsa ? rsa.toPublicKey()
                    : jwk instanceof ECKey ec ? ec.toPublicKey() : null;
            if (key == null) {
                return Either.left("jwk must be an RSA or EC key");
            }
            return admit(key, alg.orElse(named), Option.none());
        } catch (JOSEException e) {
            return Either.left("jwk is not a valid RSA or EC public key");
        }
    }

    /** The public key in a SubjectPublicKeyInfo PEM this class wrote. */
    static Option<PublicKey> fromStoredPem(String pem) {
        Matcher matcher = PEM.matcher(pem.trim());
        if (!matcher.matches() || !matcher.group(1).equals("PUBLIC KEY")) {
            return Option.none();
        }
        return publicKey(Base64.getMimeDecoder().decode(matcher.group(2).replaceAll("\\s", "")));
    }

    private static Option<PublicKey> publicKey(byte[] der) {
        for (String type : new String[]{"RSA", "EC"}) {
            try {
                return Option.some(KeyFactory.getInstance(type).generatePublic(new X509EncodedKeySpec(der)));
            } catch (GeneralSecurityException e) {
                // Not of this type; try the next.
            }
        }
        return Option.none();
    }

    private static Either<String, Admitted> admit(PublicKey key, Option<String> alg, Option<Instant> expiry) {
        JWK jwk;
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                return Either.left("an RSA key must have " + MIN_RSA_BITS + " to " + MAX_RSA_BITS + " bits");
            }
            jwk = new RSAKey.Builder(rsa).build();
        } else if (key instanceof ECPublicKey ec) {
            if (!Curve.P_256.equals(Curve.forECParameterSpec(ec.getParams()))) {
                return Either.left("an EC key must be on the curve P-256");
            }
            jwk = new ECKey.Builder(Curve.P_256, ec).build();
        } else {
            return Either.left("the key must be RSA or EC");
        }
        String keyType = key.getAlgorithm();
        String defaultAlg = keyType.equals("EC") ? "ES256" : "RS256";
        Option<AssertionAlgorithm> algorithm = AssertionAlgorithm.byName(alg.getOrElse(defaultAlg))
                .filter(a -> a.keyType().equals(keyType));
        if (algorithm.isEmpty()) {
            return Either.left("alg must be " + (keyType.equals("EC") ? "ES256 for an EC key" : "RS256, RS384 or PS256 for an RSA key"));
        }
        try {
            return Either.right(new Admitted(pem(key), jwk.computeThumbprint().toString(), algorithm.get(), expiry));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot compute the thumbprint of a key just built", e);
        }
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
