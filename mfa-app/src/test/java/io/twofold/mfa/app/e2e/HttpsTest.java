package io.twofold.mfa.app.e2e;

import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.micronaut.http.server.netty.ssl.ServerSslBuilder;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.util.ReferenceCountUtil;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_ID;
import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_SECRET;
import static io.twofold.mfa.app.e2e.E2eFixture.JANE;
import static io.twofold.mfa.app.e2e.E2eFixture.JANE_PASSWORD;
import static io.twofold.mfa.app.e2e.E2eFixture.MFA_OTP;
import static io.twofold.mfa.app.e2e.E2eFixture.PASSWORD;
import static io.twofold.mfa.app.e2e.E2eFixture.totp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real app with {@code MFA_TLS_CERT_FILE} and {@code MFA_TLS_KEY_FILE}: a self-signed certificate
 * made by the JDK's keytool at test time, written as PEM (the key as PKCS#8), and a client that
 * trusts only that certificate. Its one port speaks TLS 1.2/1.3 only, and the default issuer is https.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpsTest {
    private static final char[] STORE_PASSWORD = "test-store-pass".toCharArray();

    @TempDir
    static Path dir;

    private WebhookRecorder webhook;
    private MutableClock clock;
    private RunningApp app;
    private SSLContext trustingTheCertificate;
    private int port;

    @BeforeAll
    void startAppWithACertificate() throws Exception {
        KeyStore generated = selfSigned(dir.resolve("server.p12"));
        X509Certificate certificate = (X509Certificate) generated.getCertificate("server");
        PrivateKey key = (PrivateKey) generated.getKey("server", STORE_PASSWORD);
        Path certFile = Files.writeString(dir.resolve("cert.pem"), pem("CERTIFICATE", certificate.getEncoded()));
        Path keyFile = Files.writeString(dir.resolve("key.pem"), pem("PRIVATE KEY", key.getEncoded()));
        trustingTheCertificate = trusting(certificate);

        port = freePort();
        webhook = new WebhookRecorder();
        clock = E2eFixture.clock();
        Map<String, Object> properties = new HashMap<>(E2eFixture.properties(dir, webhook));
        properties.put("micronaut.server.port", port);
        properties.put("twofold.issuer", "");
        properties.put("twofold.tls.cert-file", certFile.toString());
        properties.put("twofold.tls.key-file", keyFile.toString());
        app = RunningApp.start(properties, clock);
    }

    @AfterAll
    void stopApp() {
        if (app != null) {
            app.close();
        }
        if (webhook != null) {
            webhook.close();
        }
    }

    @Test
    void servesDiscoveryLoginEnrollmentAndTokensOverHttps() {
        ApiClient api = app.client(trustingTheCertificate);
        assertThat(app.uri().getScheme()).isEqualTo("https");

        ApiResponse discovery = api.get(".well-known/openid-configuration", "none");
        assertThat(discovery.status()).as(discovery.toString()).isEqualTo(200);
        assertThat(discovery.text("issuer")).isEqualTo("https://localhost:" + port + "/");

        ApiResponse login = api.postForm("oauth/token", Map.of("grant_type", PASSWORD, "username", JANE,
                "password", JANE_PASSWORD, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "scope", "openid"));
        assertThat(login.status()).as(login.toString()).isEqualTo(403);
        assertThat(login.error()).isEqualTo("mfa_required");
        String mfaToken = login.text("mfa_token");

        ApiResponse otp = api.postJson("mfa/associate", Map.of("authenticator_types", List.of("otp")),
                "Authorization", "Bearer " + mfaToken);
        assertThat(otp.status()).as(otp.toString()).isEqualTo(200);

        ApiResponse tokens = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken,
                "otp", totp(otp.text("secret"), clock.instant()), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.text("token_type")).isEqualTo("Bearer");
        String claims = new String(Base64.getUrlDecoder().decode(tokens.text("access_token").split("\\.")[1]),
                StandardCharsets.UTF_8);
        assertThat(claims).contains("\"iss\":\"https://localhost:" + port + "/\"");
        assertThat(tokens.text("id_token")).contains(".");
    }

    @Test
    void aPlainHttpRequestToThePortGetsNoHttpAnswer() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            OutputStream out = socket.getOutputStream();
            out.write("GET /.well-known/openid-configuration HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] answer = readSome(socket.getInputStream());
            assertThat(new String(answer, StandardCharsets.ISO_8859_1)).doesNotStartWith("HTTP/");
        }
        ApiClient plain = new ApiClient(URI.create("http://127.0.0.1:" + port + "/"));
        assertThatThrownBy(() -> plain.get(".well-known/openid-configuration", "none"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void speaksTls12And13Only() throws Exception {
        assertThat(handshake("TLSv1.3")).isEqualTo("TLSv1.3");
        assertThat(handshake("TLSv1.2")).isEqualTo("TLSv1.2");
        assertThatThrownBy(() -> handshake("TLSv1.1")).isInstanceOf(SSLException.class);
        // The JDK disables TLSv1.1 in java.security (jdk.tls.disabledAlgorithms), so the client above
        // may have refused it before the server could. The server's own engine names its protocols:
        SslContext server = app.bean(ServerSslBuilder.class).build().orElseThrow();
        SSLEngine engine = server.newEngine(ByteBufAllocator.DEFAULT);
        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        ReferenceCountUtil.release(engine);
    }

    @Test
    void refusesToStartWithACertificateButNoKey() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        Map<String, Object> properties = new HashMap<>(E2eFixture.properties(other, webhook));
        properties.put("twofold.tls.cert-file", dir.resolve("cert.pem").toString());
        try (LogCapture log = new LogCapture()) {
            assertThatThrownBy(() -> RunningApp.start(properties, E2eFixture.clock()).close()).isNotNull();
            assertThat(log.text()).contains(
                    "Twofold cannot start: MFA_TLS_KEY_FILE must be set with MFA_TLS_CERT_FILE (both or neither)");
        }
    }

    private String handshake(String protocol) throws IOException {
        try (SSLSocket socket = (SSLSocket) trustingTheCertificate.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout((int) Duration.ofSeconds(10).toMillis());
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    /** The first bytes the server sends back; none when it closes or resets the connection. */
    private static byte[] readSome(InputStream in) {
        byte[] buffer = new byte[64];
        try {
            int read = in.read(buffer);
            return read <= 0 ? new byte[0] : Arrays.copyOf(buffer, read);
        } catch (IOException reset) {
            return new byte[0];
        }
    }

    /** keytool -genkeypair: an RSA key and a self-signed certificate for localhost and 127.0.0.1. */
    private static KeyStore selfSigned(Path store) throws Exception {
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(STORE_PASSWORD), "-keypass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        return keys;
    }

    private static SSLContext trusting(Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("twofold", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
