package io.twofold.mfa.app.config;

import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.app.bootstrap.BootstrapParser;
import io.twofold.mfa.http.token.RsaSigningProvider;
import io.twofold.mfa.policy.CallingCodes;
import io.twofold.mfa.policy.SendLimit;
import io.twofold.mfa.policy.SendLimits;
import io.vavr.collection.List;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationReaderTest {
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    private static TwofoldConfiguration read(Map<Setting, String> values) {
        return new ConfigurationReader(setting -> values.get(setting), new BootstrapParser("Username-Password-Authentication"))
                .read();
    }

    @Test
    void startsWithNoConfigurationOnAnEmbeddedDatabase() {
        TwofoldConfiguration configuration = read(HashMap.empty());

        assertThat(configuration.port()).isEqualTo(8080);
        assertThat(configuration.issuer()).isEqualTo("http://localhost:8080/");
        assertThat(configuration.tenantName()).isEqualTo("Twofold");
        assertThat(configuration.database().embedded()).isTrue();
        assertThat(configuration.database().url()).startsWith("jdbc:h2:file:").contains("data/twofold;MODE=PostgreSQL");
        assertThat(configuration.database().poolSize()).isEqualTo(10);
        assertThat(configuration.sealingKey()).isEmpty();
        assertThat(configuration.delivery().webhook()).isEmpty();
    }

    @Test
    void treatsBlankValuesAsUnset() {
        TwofoldConfiguration configuration = read(HashMap.of(Setting.DB_URL, " ", Setting.TENANT_NAME, ""));

        assertThat(configuration.database().embedded()).isTrue();
        assertThat(configuration.tenantName()).isEqualTo("Twofold");
    }

    @Test
    void derivesTheDefaultIssuerFromThePort() {
        assertThat(read(HashMap.of(Setting.SERVER_PORT, "9443")).issuer()).isEqualTo("http://localhost:9443/");
    }

    @Test
    void refusesAnIssuerWithoutTrailingSlash() {
        assertThatThrownBy(() -> read(HashMap.of(Setting.ISSUER, "https://mfa.example.com")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("MFA_ISSUER must end with '/'");
    }

    @Test
    void refusesAPoolSizeThatIsNotANumber() {
        assertThatThrownBy(() -> read(HashMap.of(Setting.DB_POOL_SIZE, "ten")))
                .hasMessage("MFA_DB_POOL_SIZE must be a whole number");
        assertThatThrownBy(() -> read(HashMap.of(Setting.DB_POOL_SIZE, "0")))
                .hasMessage("MFA_DB_POOL_SIZE must be from 1 to 200");
    }

    @Test
    void readsAnExternalDatabaseWithItsKey() {
        TwofoldConfiguration configuration = read(HashMap.of(Setting.DB_URL, "jdbc:postgresql://db:5432/twofold",
                Setting.DB_USER, "twofold", Setting.DB_PASSWORD, "pw", Setting.SECRET_KEY, KEY,
                Setting.SECRET_KEY_ID, "2024-01"));

        assertThat(configuration.database().embedded()).isFalse();
        assertThat(configuration.database().user()).isEqualTo("twofold");
        assertThat(configuration.sealingKey().get().keyId()).isEqualTo("2024-01");
        assertThat(configuration.sealingKey().get().key()).hasSize(32);
        assertThat(configuration.toString()).doesNotContain(KEY).doesNotContain("pw,");
    }

    @Test
    void refusesAShortSecretKeyWithoutEchoingIt() {
        String shortKey = "c2hvcnQta2V5LXZhbHVl";

        assertThatThrownBy(() -> read(HashMap.of(Setting.SECRET_KEY, shortKey)))
                .hasMessageStartingWith("MFA_SECRET_KEY must decode to 32 bytes")
                .hasMessageNotContaining(shortKey);
        assertThatThrownBy(() -> read(HashMap.of(Setting.SECRET_KEY, "not base64!")))
                .hasMessageStartingWith("MFA_SECRET_KEY is not base64")
                .hasMessageNotContaining("not base64!");
    }

    @Test
    void requiresASecretForTheWebhook() {
        assertThatThrownBy(() -> read(HashMap.of(Setting.SMS_WEBHOOK_URL, "https://sms.example.com/send")))
                .hasMessageStartingWith("MFA_SMS_WEBHOOK_SECRET is required");
        assertThatThrownBy(() -> read(HashMap.of(Setting.SMS_WEBHOOK_URL, "ftp://sms.example.com/",
                Setting.SMS_WEBHOOK_SECRET, "0123456789abcdef")))
                .hasMessageStartingWith("MFA_SMS_WEBHOOK_URL must be an absolute http");
    }

    @Test
    void refusesAPlainHttpWebhookOffThisMachineUnlessAllowed() {
        String secret = "0123456789abcdef";
        assertThatThrownBy(() -> read(HashMap.of(Setting.SMS_WEBHOOK_URL, "http://sms.example.com/send",
                Setting.SMS_WEBHOOK_SECRET, secret)))
                .hasMessageStartingWith("MFA_SMS_WEBHOOK_URL is plain http to another machine")
                .hasMessageContaining("MFA_ALLOW_INSECURE_WEBHOOK=true");
        assertThatThrownBy(() -> read(HashMap.of(Setting.SMS_WEBHOOK_URL, "http://10.0.0.7:8080/send",
                Setting.SMS_WEBHOOK_SECRET, secret, Setting.ALLOW_INSECURE_WEBHOOK, "no")))
                .hasMessageStartingWith("MFA_ALLOW_INSECURE_WEBHOOK must be true or false");

        assertThat(read(HashMap.of(Setting.SMS_WEBHOOK_URL, "http://sms.example.com/send", Setting.SMS_WEBHOOK_SECRET, secret,
                Setting.ALLOW_INSECURE_WEBHOOK, "true")).delivery().webhook()).isNotEmpty();
        for (String local : List.of("http://127.0.0.1:9/hook", "http://localhost:9/hook", "http://[::1]:9/hook",
                "https://sms.example.com/send")) {
            assertThat(read(HashMap.of(Setting.SMS_WEBHOOK_URL, local, Setting.SMS_WEBHOOK_SECRET, secret)).delivery().webhook())
                    .as(local).isNotEmpty();
        }
    }

    @Test
    void readsTheWebhookTimeoutInOperatorUnits() {
        TwofoldConfiguration configuration = read(HashMap.of(Setting.SMS_WEBHOOK_URL, "http://127.0.0.1:9/hook",
                Setting.SMS_WEBHOOK_SECRET, "0123456789abcdef", Setting.SMS_WEBHOOK_TIMEOUT, "750ms"));

        assertThat(configuration.delivery().webhook().get().timeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(configuration.delivery().webhook().get().toString()).doesNotContain("0123456789abcdef");
        assertThatThrownBy(() -> read(HashMap.of(Setting.SMS_WEBHOOK_URL, "http://127.0.0.1:9/hook",
                Setting.SMS_WEBHOOK_SECRET, "0123456789abcdef", Setting.SMS_WEBHOOK_TIMEOUT, "soon")))
                .hasMessageStartingWith("MFA_SMS_WEBHOOK_TIMEOUT must be a duration");
    }

    @Test
    void readsEachSendLimitAsABurstAndARefillPeriod() {
        assertThat(read(HashMap.empty()).sendLimits()).isEqualTo(SendLimits.DEFAULT);

        SendLimits limits = read(HashMap.of(Setting.SEND_LIMIT_ENROLL_PER_USER, "3,2h",
                Setting.SEND_LIMIT_PER_DESTINATION, "2, 15m", Setting.SEND_LIMIT_PER_IP, "50,10s",
                Setting.SEND_LIMIT_GLOBAL, "1000,60ms", Setting.SMS_ALLOWED_COUNTRIES, "+1,+44")).sendLimits();

        assertThat(limits).isEqualTo(new SendLimits(new SendLimit(3, Duration.ofHours(2)),
                new SendLimit(2, Duration.ofMinutes(15)), new SendLimit(50, Duration.ofSeconds(10)),
                new SendLimit(1000, Duration.ofMillis(60)), new CallingCodes(List.of("+1", "+44"))));
    }

    @Test
    void refusesASendLimitThatIsNotABurstAndARefillPeriod() {
        assertThatThrownBy(() -> read(HashMap.of(Setting.SEND_LIMIT_PER_DESTINATION, "5")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("MFA_SEND_LIMIT_PER_DESTINATION must be <burst>,<refill>");
        assertThatThrownBy(() -> read(HashMap.of(Setting.SEND_LIMIT_PER_IP, "0,1m")))
                .hasMessageStartingWith("MFA_SEND_LIMIT_PER_IP must be from 1 to");
        assertThatThrownBy(() -> read(HashMap.of(Setting.SEND_LIMIT_GLOBAL, "100,2d")))
                .hasMessageStartingWith("MFA_SEND_LIMIT_GLOBAL refill must be a duration");
        assertThatThrownBy(() -> read(HashMap.of(Setting.SEND_LIMIT_ENROLL_PER_USER, "10,25h")))
                .hasMessageStartingWith("MFA_SEND_LIMIT_ENROLL_PER_USER refill must be more than 0 and at most 24h");
        assertThatThrownBy(() -> read(HashMap.of(Setting.SMS_ALLOWED_COUNTRIES, "+1,UK")))
                .hasMessageStartingWith("MFA_SMS_ALLOWED_COUNTRIES must be country calling codes");
    }

    @Test
    void closesIdleConnectionsAfterThirtySecondsUnlessToldOtherwise() {
        assertThat(read(HashMap.empty()).idleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(read(HashMap.of(Setting.IDLE_TIMEOUT, "1m")).idleTimeout()).isEqualTo(Duration.ofMinutes(1));
        assertThat(List.of("1500ms", "0s", "3m")).map(value -> refusal(HashMap.of(Setting.IDLE_TIMEOUT, value)))
                .containsExactly("MFA_IDLE_TIMEOUT must be whole seconds, such as 30s or 1m",
                        "MFA_IDLE_TIMEOUT must be more than 0 and at most 2m",
                        "MFA_IDLE_TIMEOUT must be more than 0 and at most 2m");
    }

    private static String refusal(Map<Setting, String> values) {
        try {
            read(values);
        } catch (InvalidConfigurationException e) {
            return e.getMessage();
        }
        throw new AssertionError("no refusal of " + values);
    }

    @Test
    void boundsEveryWaitOnTheDatabaseByDefault() {
        DatabaseSettings database = read(HashMap.of(Setting.DB_URL, "jdbc:postgresql://db:5432/twofold",
                Setting.SECRET_KEY, KEY)).database();

        assertThat(database.poolTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(database.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(database.statementTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/twofold?connectTimeout=3&socketTimeout=7"
                + "&options=-c%20statement_timeout%3D5000");
    }

    @Test
    void readsTheDatabaseTimeoutsAndKeepsAParameterTheUrlAlreadySets() {
        DatabaseSettings database = read(HashMap.of(Setting.DB_URL, "jdbc:postgresql://db/twofold?sslmode=require&socketTimeout=60",
                Setting.SECRET_KEY, KEY, Setting.DB_POOL_TIMEOUT, "500ms", Setting.DB_CONNECT_TIMEOUT, "10s",
                Setting.DB_STATEMENT_TIMEOUT, "1500ms")).database();

        assertThat(database.poolTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db/twofold?sslmode=require&socketTimeout=60"
                + "&connectTimeout=10&options=-c%20statement_timeout%3D1500");
    }

    @Test
    void leavesAnH2UrlWithoutDriverTimeouts() {
        DatabaseSettings database = read(HashMap.empty()).database();

        assertThat(database.jdbcUrl()).isEqualTo(database.url());
    }

    @Test
    void refusesDatabaseTimeoutsOutOfRange() {
        assertThat(List.of(
                        HashMap.of(Setting.DB_POOL_TIMEOUT, "100ms"),
                        HashMap.of(Setting.DB_POOL_TIMEOUT, "2m"),
                        HashMap.of(Setting.DB_CONNECT_TIMEOUT, "soon"),
                        HashMap.of(Setting.DB_STATEMENT_TIMEOUT, "0s")))
                .map(ConfigurationReaderTest::refusal)
                .containsExactly("MFA_DB_POOL_TIMEOUT must be at least 250ms",
                        "MFA_DB_POOL_TIMEOUT must be more than 0 and at most 1m",
                        "MFA_DB_CONNECT_TIMEOUT must be a duration such as 500ms, 5s or 1m",
                        "MFA_DB_STATEMENT_TIMEOUT must be more than 0 and at most 10m");
    }

    @Test
    void waitsFifteenSecondsForRequestsInFlightOnShutdownUnlessToldOtherwise() {
        assertThat(read(HashMap.empty()).shutdownGrace()).isEqualTo(Duration.ofSeconds(15));
        assertThat(read(HashMap.of(Setting.SHUTDOWN_GRACE, "30s")).shutdownGrace()).isEqualTo(Duration.ofSeconds(30));
        assertThat(refusal(HashMap.of(Setting.SHUTDOWN_GRACE, "11m")))
                .isEqualTo("MFA_SHUTDOWN_GRACE must be more than 0 and at most 10m");
    }

    @Test
    void readsTheManagementTokenLifetime() {
        assertThat(read(HashMap.empty()).managementTokenLifetime()).isEqualTo(Duration.ofHours(24));
        assertThat(read(HashMap.of(Setting.MANAGEMENT_TOKEN_LIFETIME, "1h")).managementTokenLifetime())
                .isEqualTo(Duration.ofHours(1));
        assertThat(refusal(HashMap.of(Setting.MANAGEMENT_TOKEN_LIFETIME, "721h")))
                .startsWith("MFA_MANAGEMENT_TOKEN_LIFETIME must be");
    }

    @Test
    void refusesAManagementRateLimitThatIsNotAPositiveWholeNumber() {
        assertThat(List.of("0", "-5", "many", "1.5")).map(value -> refusal(HashMap.of(Setting.MANAGEMENT_RATE_LIMIT, value)))
                .containsOnly("MFA_MANAGEMENT_RATE_LIMIT must be a whole number of calls per second, at least 1");
        assertThat(read(HashMap.of(Setting.MANAGEMENT_RATE_LIMIT, "20"))).isNotNull();
    }

    @Test
    void refusesAnIdleTimeoutThatAWebhookCallCouldOutlast() {
        assertThatThrownBy(() -> read(HashMap.of(Setting.SMS_WEBHOOK_URL, "https://sms.example.com/send",
                Setting.SMS_WEBHOOK_SECRET, "0123456789abcdef", Setting.SMS_WEBHOOK_TIMEOUT, "15s")))
                .hasMessageStartingWith("MFA_IDLE_TIMEOUT must be longer than twice MFA_SMS_WEBHOOK_TIMEOUT (30s)");
        assertThat(read(HashMap.of(Setting.SMS_WEBHOOK_URL, "https://sms.example.com/send",
                Setting.SMS_WEBHOOK_SECRET, "0123456789abcdef", Setting.SMS_WEBHOOK_TIMEOUT, "15s",
                Setting.IDLE_TIMEOUT, "31s")).idleTimeout()).isEqualTo(Duration.ofSeconds(31));
    }

    @Test
    void takesTheTenantNameFromTheEnvironmentBeforeTheBootstrapFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bootstrap.json"), "{\"tenant\":{\"friendly_name\":\"Acme\"}}");

        assertThat(read(HashMap.of(Setting.BOOTSTRAP_FILE, file.toString())).tenantName()).isEqualTo("Acme");
        assertThat(read(HashMap.of(Setting.BOOTSTRAP_FILE, file.toString(), Setting.TENANT_NAME, "Env Corp"))
                .tenantName()).isEqualTo("Env Corp");
    }

    @Test
    void signsWithAccpWhenItLoadsUnlessTheJdkIsAskedFor() {
        assertThat(read(HashMap.empty()).rsaProvider()).isEqualTo(RsaSigningProvider.Mode.AUTO);
        assertThat(read(HashMap.of(Setting.RSA_PROVIDER, "auto")).rsaProvider()).isEqualTo(RsaSigningProvider.Mode.AUTO);
        assertThat(read(HashMap.of(Setting.RSA_PROVIDER, " JDK ")).rsaProvider()).isEqualTo(RsaSigningProvider.Mode.JDK);
    }

    @Test
    void readsTheLogFormatAndRefusesAnUnknownOne() {
        assertThat(read(HashMap.of(Setting.LOG_FORMAT, "json")).port()).isEqualTo(8080);
        assertThat(read(HashMap.of(Setting.LOG_FORMAT, " TEXT ")).port()).isEqualTo(8080);
        assertThatThrownBy(() -> read(HashMap.of(Setting.LOG_FORMAT, "logfmt")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("MFA_LOG_FORMAT must be text or json (one JSON object per line)");
    }

    @Test
    void refusesAnUnknownRsaProvider() {
        assertThatThrownBy(() -> read(HashMap.of(Setting.RSA_PROVIDER, "bouncycastle")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("MFA_RSA_PROVIDER must be auto")
                .hasMessageEndingWith("or jdk");
    }

    @Test
    void keepsTheEmbeddedDatabaseInTheDataDirectory(@TempDir Path dir) {
        TwofoldConfiguration configuration = read(HashMap.of(Setting.DATA_DIR, dir.toString()));

        assertThat(configuration.dataDir()).isEqualTo(dir);
        assertThat(configuration.database().url()).startsWith("jdbc:h2:file:" + dir.toAbsolutePath().resolve("twofold") + ";");
        assertThat(configuration.signingKeyJwk().isEmpty()).isTrue();
    }

    @Test
    void readsTlsFilesInEachKeyFormatAndDefaultsTheIssuerToHttps() {
        TwofoldConfiguration rsa = read(HashMap.of(Setting.TLS_CERT_FILE, tlsFixture("rsa-cert.pem"),
                Setting.TLS_KEY_FILE, tlsFixture("rsa-pkcs1-key.pem"), Setting.SERVER_PORT, "8443"));
        TwofoldConfiguration ec = readTls(tlsFixture("ec-cert.pem"), tlsFixture("ec-sec1-key.pem"));

        assertThat(rsa.tls().get().key().getAlgorithm()).isEqualTo("RSA");
        assertThat(rsa.issuer()).isEqualTo("https://localhost:8443/");
        assertThat(ec.tls().get().key().getAlgorithm()).isEqualTo("EC");
        assertThat(ec.tls().get().chain()).hasSize(1);
        assertThat(ec.toString()).contains("tls=TlsSettings[subject=CN=localhost").doesNotContain("PRIVATE");
        assertThat(read(HashMap.empty()).tls()).isEmpty();
    }

    @Test
    void readsAPkcs8TlsKey(@TempDir Path dir) throws Exception {
        PrivateKey pkcs1 = readTls(tlsFixture("rsa-cert.pem"), tlsFixture("rsa-pkcs1-key.pem")).tls().get().key();

        TwofoldConfiguration configuration = readTls(tlsFixture("rsa-cert.pem"), pkcs8Pem(dir, pkcs1.getEncoded()));

        assertThat(configuration.tls().get().key()).isEqualTo(pkcs1);
    }

    @Test
    void refusesOneTlsFileWithoutTheOther() {
        assertThatThrownBy(() -> read(HashMap.of(Setting.TLS_CERT_FILE, tlsFixture("rsa-cert.pem"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("MFA_TLS_KEY_FILE must be set with MFA_TLS_CERT_FILE (both or neither)");
        assertThatThrownBy(() -> read(HashMap.of(Setting.TLS_KEY_FILE, tlsFixture("rsa-pkcs1-key.pem"))))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("MFA_TLS_CERT_FILE must be set with MFA_TLS_KEY_FILE (both or neither)");
    }

    @Test
    void refusesAnUnreadableTlsFile(@TempDir Path dir) {
        String missing = dir.resolve("missing.pem").toString();

        assertThatThrownBy(() -> readTls(missing, tlsFixture("rsa-pkcs1-key.pem")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("MFA_TLS_CERT_FILE cannot be read: " + missing);
        assertThatThrownBy(() -> readTls(tlsFixture("rsa-cert.pem"), missing))
                .hasMessage("MFA_TLS_KEY_FILE cannot be read: " + missing);
    }

    @Test
    void refusesTlsFilesThatAreNotACertificateAndItsKey(@TempDir Path dir) throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String otherRsaKey = pkcs8Pem(dir, rsa.generateKeyPair().getPrivate().getEncoded());
        String garbage = pkcs8Pem(dir, new byte[] {0, 0, 0});
        String rsaCert = tlsFixture("rsa-cert.pem");
        String notTheCertificatesKey = "MFA_TLS_KEY_FILE is not the private key of the first certificate in MFA_TLS_CERT_FILE";

        assertThatThrownBy(() -> readTls(rsaCert, tlsFixture("ec-sec1-key.pem"))).hasMessage(notTheCertificatesKey);
        assertThatThrownBy(() -> readTls(rsaCert, otherRsaKey)).hasMessage(notTheCertificatesKey);
        assertThatThrownBy(() -> readTls(tlsFixture("rsa-pkcs1-key.pem"), tlsFixture("rsa-pkcs1-key.pem")))
                .hasMessage("MFA_TLS_CERT_FILE is not a PEM certificate chain (BEGIN CERTIFICATE)");
        assertThatThrownBy(() -> readTls(rsaCert, rsaCert))
                .hasMessageStartingWith("MFA_TLS_KEY_FILE is not an unencrypted PEM private key");
        assertThatThrownBy(() -> readTls(rsaCert, garbage))
                .hasMessage("MFA_TLS_KEY_FILE is not a readable RSA or EC private key");
    }

    private static TwofoldConfiguration readTls(String certFile, String keyFile) {
        return read(HashMap.of(Setting.TLS_CERT_FILE, certFile, Setting.TLS_KEY_FILE, keyFile));
    }

    /** Writes {@code der} as a PEM "PRIVATE KEY" to a new file in {@code dir}. */
    private static String pkcs8Pem(Path dir, byte[] der) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "key", ".pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(der) + "\n-----END PRIVATE KEY-----\n").toString();
    }

    /** Test-only key pairs and self-signed certificates for CN=localhost, made with openssl. */
    private static String tlsFixture(String name) {
        try {
            return Path.of(ConfigurationReaderTest.class.getResource("/tls/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
