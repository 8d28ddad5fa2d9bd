package io.twofold.mfa.app.config;

import io.twofold.mfa.http.token.Pkcs8;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.twofold.mfa.app.config.ConfigurationReader.invalid;

/**
 * Reads {@code MFA_TLS_CERT_FILE} (PEM certificates, the server's own first) and {@code MFA_TLS_KEY_FILE}
 * (a PEM private key: PKCS#8 "BEGIN PRIVATE KEY", PKCS#1 "BEGIN RSA PRIVATE KEY" or SEC1 "BEGIN EC
 * PRIVATE KEY"), both or neither, and checks that the key belongs to the certificate. A message names
 * the variable and the file, never the key.
 */
final class TlsReader {
    private static final Pattern PEM_KEY = Pattern.compile(
            "-----BEGIN ((?:RSA |EC )?PRIVATE KEY)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final byte[] PROBE = "twofold tls key check".getBytes(StandardCharsets.US_ASCII);

    private final Function<Setting, Option<String>> raw;

    /** {@code raw} answers none for a setting that is absent or blank. */
    TlsReader(Function<Setting, Option<String>> raw) {
        this.raw = raw;
    }

    /** The certificate and key, none when neither variable is set. */
    Option<TlsSettings> read() {
        Option<String> cert = raw.apply(Setting.TLS_CERT_FILE);
        Option<String> key = raw.apply(Setting.TLS_KEY_FILE);
        if (cert.isEmpty() && key.isEmpty()) {
            return Option.none();
        }
        if (cert.isEmpty()) {
            throw invalid(Setting.TLS_CERT_FILE, "must be set with MFA_TLS_KEY_FILE (both or neither)");
        }
        if (key.isEmpty()) {
            throw invalid(Setting.TLS_KEY_FILE, "must be set with MFA_TLS_CERT_FILE (both or neither)");
        }
        List<X509Certificate> chain = certificates(read(Setting.TLS_CERT_FILE, cert.get()));
        PrivateKey privateKey = privateKey(read(Setting.TLS_KEY_FILE, key.get()));
        if (!matches(privateKey, chain.head().getPublicKey())) {
            throw invalid(Setting.TLS_KEY_FILE, "is not the private key of the first certificate in MFA_TLS_CERT_FILE");
        }
        return Option.some(new TlsSettings(chain, privateKey));
    }

    private static byte[] read(Setting setting, String file) {
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (IOException | InvalidPathException | SecurityException e) {
            throw invalid(setting, "cannot be read: " + file);
        }
    }

    private static List<X509Certificate> certificates(byte[] pem) {
        try {
            List<X509Certificate> chain = List.ofAll(CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem))).map(X509Certificate.class::cast);
            if (chain.isEmpty()) {
                throw invalid(Setting.TLS_CERT_FILE, "holds no certificate");
            }
            return chain;
        } catch (CertificateException | ClassCastException e) {
            throw invalid(Setting.TLS_CERT_FILE, "is not a PEM certificate chain (BEGIN CERTIFICATE)");
        }
    }

    private static PrivateKey privateKey(byte[] file) {
        Matcher pem = PEM_KEY.matcher(new String(file, StandardCharsets.US_ASCII));
        if (!pem.find()) {
            throw invalid(Setting.TLS_KEY_FILE, "is not an unencrypted PEM private key (BEGIN PRIVATE KEY,"
                    + " BEGIN RSA PRIVATE KEY or BEGIN EC PRIVATE KEY)");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
            return switch (pem.group(1)) {
                case "RSA PRIVATE KEY" -> KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Pkcs8.fromPkcs1(der)));
                case "EC PRIVATE KEY" -> KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Pkcs8.fromSec1(der)));
                default -> pkcs8(der);
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The reason may quote key material; keep only the fact.
            throw invalid(Setting.TLS_KEY_FILE, "is not a readable RSA or EC private key");
        }
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** Whether a signature made with {@code key} verifies with {@code certified}. */
    private static boolean matches(PrivateKey key, PublicKey certified) {
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) {
            return false;
        }
        String algorithm = key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(PROBE);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certified);
            verifier.update(PROBE);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
