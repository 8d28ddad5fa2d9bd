package io.twofold.mfa.app.config;

import io.vavr.collection.List;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;

/**
 * The server's certificate chain (its own certificate first) and the private key that matches it,
 * read from {@code MFA_TLS_CERT_FILE} and {@code MFA_TLS_KEY_FILE}. Kept in memory only.
 */
public record TlsSettings(List<X509Certificate> chain, PrivateKey key) {
    /** The alias of the one entry in {@link #keyStore}. */
    public static final String ALIAS = "twofold";

    /** An in-memory PKCS12 key store holding the key and its chain, protected by {@code password}. */
    public KeyStore keyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, key, password, chain.toJavaList().toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build the TLS key store", e);
        }
    }

    @Override
    public String toString() {
        X509Certificate leaf = chain.head();
        return "TlsSettings[subject=" + leaf.getSubjectX500Principal().getName() + ", notAfter=" + leaf.getNotAfter()
                + ", chain=" + chain.size() + ", key=" + key.getAlgorithm() + "]";
    }
}
