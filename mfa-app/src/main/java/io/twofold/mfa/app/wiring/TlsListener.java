package io.twofold.mfa.app.wiring;

import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.http.server.netty.ssl.AbstractServerSslBuilder;
import io.micronaut.http.ssl.ServerSslConfiguration;
import io.micronaut.http.ssl.SslConfiguration;
import io.twofold.mfa.app.config.TlsSettings;
import io.twofold.mfa.app.config.TwofoldConfiguration;
import io.vavr.control.Option;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Makes the server's one listener speak TLS 1.2 and 1.3 when {@code MFA_TLS_CERT_FILE} and
 * {@code MFA_TLS_KEY_FILE} are set: Micronaut's Netty server takes its TLS context from the
 * {@code ServerSslBuilder} bean, and binds only an HTTPS listener, on the SSL configuration's port,
 * when that configuration is enabled. The key and chain, read and checked with the rest of the
 * configuration, go to Netty through an in-memory key store, never a file. Unset, the configuration
 * handed over is disabled and the server binds its plain HTTP port as before. Micronaut's own
 * {@code micronaut.server.ssl.*} properties are not read.
 */
@Singleton
class TlsListener extends AbstractServerSslBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(TlsListener.class);
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final ServerSslConfiguration ssl = new ServerSslConfiguration();
    private final Option<TlsSettings> tls;

    TlsListener(ResourceResolver resources, HttpServerConfiguration server, TwofoldConfiguration configuration) {
        super(resources, server);
        this.tls = configuration.tls();
        ssl.setEnabled(tls.isDefined());
        // -1 asks for a random port (tests); for the HTTPS listener that is port 0.
        ssl.setPort(Math.max(configuration.port(), 0));
        ssl.setProtocols(PROTOCOLS.clone());
        tls.forEach(settings -> LOG.info("HTTPS only, TLS 1.2 and 1.3, with the certificate for {}",
                settings.chain().head().getSubjectX500Principal().getName()));
    }

    @Override
    public ServerSslConfiguration getSslConfiguration() {
        return ssl;
    }

    @Override
    protected KeyManagerFactory getKeyManagerFactory(SslConfiguration configuration) {
        TlsSettings settings = tls.getOrElseThrow(() -> new IllegalStateException("TLS is not configured"));
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        char[] password = HexFormat.of().formatHex(random).toCharArray();
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(settings.keyStore(password), password);
            return keys;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not load the TLS key", e);
        }
    }

    /** No client certificates are asked for, so there is nothing to trust. */
    @Override
    protected TrustManagerFactory getTrustManagerFactory(SslConfiguration configuration) {
        return null;
    }
}
