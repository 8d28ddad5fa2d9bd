package io.twofold.mfa.app.config;

import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.app.bootstrap.BootstrapFile;
import io.twofold.mfa.app.bootstrap.BootstrapParser;
import io.twofold.mfa.http.token.RsaSigningProvider;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.policy.BuiltInApis;
import io.twofold.mfa.policy.CallingCodes;
import io.twofold.mfa.policy.SendLimit;
import io.twofold.mfa.policy.SendLimits;
import io.vavr.control.Option;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;

/**
 * Turns the raw settings into a checked {@link TwofoldConfiguration}, failing on the first bad value
 * with a message that names the variable (and never echoes a secret).
 */
public final class ConfigurationReader {
    static final String DEFAULT_TENANT_NAME = "Twofold";
    static final String DEFAULT_KEY_ID = "k1";
    private static final int DEFAULT_PORT = 8080;
    private static final int DEFAULT_POOL_SIZE = 10;
    private static final int MAX_SEND_BURST = 1_000_000;
    private static final Duration MAX_SEND_REFILL = Duration.ofHours(24);

    private final Function<Setting, Option<String>> raw;
    private final BootstrapParser bootstrapParser;

    /** {@code raw} answers none for a setting that is absent or blank. */
    public ConfigurationReader(Function<Setting, Option<String>> raw, BootstrapParser bootstrapParser) {
        this.raw = setting -> raw.apply(setting).map(String::strip).filter(value -> !value.isEmpty());
        this.bootstrapParser = bootstrapParser;
    }

    public TwofoldConfiguration read() {
        checkLogFormat();
        checkManagementRateLimit();
        int port = port();
        Option<TlsSettings> tls = new TlsReader(raw).read();
        Path dataDir = path(Setting.DATA_DIR).getOrElse(Path.of("data"));
        Option<BootstrapFile> bootstrap = path(Setting.BOOTSTRAP_FILE).map(bootstrapParser::parse);
        String tenantName = raw.apply(Setting.TENANT_NAME)
                .orElse(bootstrap.flatMap(BootstrapFile::tenantName))
                .getOrElse(DEFAULT_TENANT_NAME);
        DeliverySettings delivery = new DeliveryReader(raw).read();
        return new TwofoldConfiguration(port, tls, issuer(port, tls.isDefined()), tenantName, dataDir, database(dataDir), sealingKey(),
                raw.apply(Setting.SIGNING_KEY), rsaProvider(), delivery, idleTimeout(delivery), shutdownGrace(),
                managementTokenLifetime(), sendLimits(), bootstrap, signingKeyRefresh());
    }

    /**
     * How long a connection may go with nothing read or written before the server closes it: a
     * half-sent request, an idle keep-alive connection, but also a request still being worked on, so
     * it must outlast a webhook call (its connect and its response each get the webhook timeout) and
     * an SMTP delivery (each of its steps gets the SMTP timeout).
     */
    private Duration idleTimeout(DeliverySettings delivery) {
        Duration timeout = raw.apply(Setting.IDLE_TIMEOUT)
                .map(value -> Durations.parse(value).getOrElseThrow(reason -> invalid(Setting.IDLE_TIMEOUT, reason)))
                .getOrElse(Durations.DEFAULT_IDLE_TIMEOUT);
        if (timeout.toMillis() % 1000 != 0) {
            throw invalid(Setting.IDLE_TIMEOUT, "must be whole seconds, such as 30s or 1m");
        }
        delivery.longestCall().forEach(call -> {
            Duration twice = call._2.multipliedBy(2);
            if (timeout.compareTo(twice) <= 0) {
                throw invalid(Setting.IDLE_TIMEOUT, "must be longer than twice " + call._1.envVar() + " (" + twice.toSeconds()
                        + "s), or a slow delivery would lose its connection");
            }
        });
        return timeout;
    }

    /** The lifetime of Management API tokens (Auth0's default 24 h; at most 30 days). */
    private Duration managementTokenLifetime() {
        return duration(Setting.MANAGEMENT_TOKEN_LIFETIME, BuiltInApis.MANAGEMENT_TOKEN_LIFETIME, Duration.ofDays(30), "720h");
    }

    /** How often a node re-reads the signing keys (1 s to 1 h). */
    private Duration signingKeyRefresh() {
        Duration every = duration(Setting.SIGNING_KEY_REFRESH, Durations.DEFAULT_SIGNING_KEY_REFRESH, Duration.ofHours(1), "1h");
        if (every.toMillis() < 1000) {
            throw invalid(Setting.SIGNING_KEY_REFRESH, "must be at least 1s");
        }
        return every;
    }

    /** How long SIGTERM waits for the requests in flight before stopping anyway (at most 10 minutes). */
    private Duration shutdownGrace() {
        return duration(Setting.SHUTDOWN_GRACE, Durations.DEFAULT_SHUTDOWN_GRACE, Duration.ofMinutes(10), "10m");
    }

    private Duration duration(Setting setting, Duration fallback, Duration max, String maxAsWritten) {
        return raw.apply(setting)
                .map(value -> Durations.parse(value, max, maxAsWritten).getOrElseThrow(reason -> invalid(setting, reason)))
                .getOrElse(fallback);
    }

    /** Read by the HTTP adapter from its property; checked here so a bad value stops the start with its name. */
    private void checkManagementRateLimit() {
        raw.apply(Setting.MANAGEMENT_RATE_LIMIT).forEach(value -> {
            try {
                if (Integer.parseInt(value) >= 1) {
                    return;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw invalid(Setting.MANAGEMENT_RATE_LIMIT, "must be a whole number of calls per second, at least 1");
        });
    }

    /** Each limit unset takes the domain's default ({@link SendLimits#DEFAULT}). */
    private SendLimits sendLimits() {
        SendLimits defaults = SendLimits.DEFAULT;
        CallingCodes countries = raw.apply(Setting.SMS_ALLOWED_COUNTRIES)
                .map(value -> CallingCodes.parse(value).getOrElseThrow(reason -> invalid(Setting.SMS_ALLOWED_COUNTRIES, reason)))
                .getOrElse(defaults.allowedCountries());
        return new SendLimits(sendLimit(Setting.SEND_LIMIT_ENROLL_PER_USER, defaults.enrollmentsPerUser()),
                sendLimit(Setting.SEND_LIMIT_PER_DESTINATION, defaults.perDestination()),
                sendLimit(Setting.SEND_LIMIT_PER_IP, defaults.perEndUserIp()),
                sendLimit(Setting.SEND_LIMIT_GLOBAL, defaults.global()), countries);
    }

    /** {@code <burst>,<refill>}: a bucket of {@code burst} codes, one more every {@code refill} ({@code 5,10m}). */
    private SendLimit sendLimit(Setting setting, SendLimit fallback) {
        return raw.apply(setting).map(value -> {
            String[] parts = value.split(",", -1);
            if (parts.length != 2) {
                throw invalid(setting, "must be <burst>,<refill>, for example 5,10m (5 codes, then one more every 10 minutes)");
            }
            int burst = integer(setting, parts[0].strip(), 1, MAX_SEND_BURST);
            Duration refill = Durations.parse(parts[1].strip(), MAX_SEND_REFILL, "24h")
                    .getOrElseThrow(reason -> invalid(setting, "refill " + reason));
            return new SendLimit(burst, refill);
        }).getOrElse(fallback);
    }

    /**
     * Logback reads {@code MFA_LOG_FORMAT} itself, before the application starts (see {@code logback.xml}),
     * and writes text for a value it does not know: this is where such a value stops the start.
     */
    private void checkLogFormat() {
        String value = raw.apply(Setting.LOG_FORMAT).getOrElse("text").toLowerCase(Locale.ROOT);
        if (!value.equals("text") && !value.equals("json")) {
            throw invalid(Setting.LOG_FORMAT, "must be text or json (one JSON object per line)");
        }
    }

    private RsaSigningProvider.Mode rsaProvider() {
        String value = raw.apply(Setting.RSA_PROVIDER).getOrElse("auto").toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto" -> RsaSigningProvider.Mode.AUTO;
            case "jdk" -> RsaSigningProvider.Mode.JDK;
            default -> throw invalid(Setting.RSA_PROVIDER, "must be auto (the native Amazon Corretto Crypto Provider"
                    + " when it loads, else the JDK) or jdk");
        };
    }

    private int port() {
        // -1 (and 0) ask Micronaut for a random port; the default issuer then cannot name it.
        return raw.apply(Setting.SERVER_PORT).map(value -> integer(Setting.SERVER_PORT, value, -1, 65535))
                .getOrElse(DEFAULT_PORT);
    }

    private String issuer(int port, boolean https) {
        String scheme = https ? "https" : "http";
        String issuer = raw.apply(Setting.ISSUER)
                .getOrElse(() -> port > 0 ? scheme + "://localhost:" + port + "/" : scheme + "://localhost/");
        URI uri = uri(Setting.ISSUER, issuer);
        if (!issuer.endsWith("/")) {
            throw invalid(Setting.ISSUER, "must end with '/', for example https://mfa.example.com/");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(Setting.ISSUER, "must not have a query or a fragment");
        }
        return issuer;
    }

    private DatabaseSettings database(Path dataDir) {
        int poolSize = raw.apply(Setting.DB_POOL_SIZE).map(value -> integer(Setting.DB_POOL_SIZE, value, 1, 200))
                .getOrElse(DEFAULT_POOL_SIZE);
        String user = raw.apply(Setting.DB_USER).getOrElse("");
        String password = raw.apply(Setting.DB_PASSWORD).getOrElse("");
        Option<String> url = raw.apply(Setting.DB_URL);
        if (url.isDefined() && !url.get().startsWith("jdbc:")) {
            throw invalid(Setting.DB_URL, "must be a JDBC URL (jdbc:postgresql://host:5432/db or jdbc:h2:...)");
        }
        Duration poolTimeout = duration(Setting.DB_POOL_TIMEOUT, Durations.DEFAULT_DB_POOL_TIMEOUT, Duration.ofMinutes(1), "1m");
        if (poolTimeout.toMillis() < 250) {
            throw invalid(Setting.DB_POOL_TIMEOUT, "must be at least 250ms");
        }
        Duration connectTimeout = duration(Setting.DB_CONNECT_TIMEOUT, Durations.DEFAULT_DB_CONNECT_TIMEOUT, Duration.ofMinutes(1), "1m");
        Duration statementTimeout = duration(Setting.DB_STATEMENT_TIMEOUT, Durations.DEFAULT_DB_STATEMENT_TIMEOUT,
                Duration.ofMinutes(10), "10m");
        return url.map(value -> new DatabaseSettings(withH2Options(value), user, password, poolSize, false,
                        poolTimeout, connectTimeout, statementTimeout))
                .getOrElse(() -> new DatabaseSettings(embeddedUrl(dataDir), user.isEmpty() ? "sa" : user, password,
                        poolSize, true, poolTimeout, connectTimeout, statementTimeout));
    }

    /** The embedded default: an H2 file database in the data directory. */
    static String embeddedUrl(Path dataDir) {
        return JdbcStorage.h2FileUrl(dataDir.toAbsolutePath().normalize());
    }

    /** An H2 URL given without the compatibility settings the migrations are written for gets them. */
    private static String withH2Options(String url) {
        return url.startsWith("jdbc:h2:") && !url.toUpperCase(Locale.ROOT).contains("MODE=")
                ? url + JdbcStorage.H2_OPTIONS : url;
    }

    private Option<SealingKeySetting> sealingKey() {
        String keyId = raw.apply(Setting.SECRET_KEY_ID).getOrElse(DEFAULT_KEY_ID);
        if (!keyId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw invalid(Setting.SECRET_KEY_ID, "must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        Option<String> previous = raw.apply(Setting.SECRET_KEY_PREVIOUS);
        if (previous.isDefined() && raw.apply(Setting.SECRET_KEY).isEmpty()) {
            throw invalid(Setting.SECRET_KEY_PREVIOUS, "needs MFA_SECRET_KEY: the new key that seals from now on");
        }
        return raw.apply(Setting.SECRET_KEY).map(value -> new SealingKeySetting(keyId, decodeKey(Setting.SECRET_KEY, value),
                previous.map(ConfigurationReader::previousKeys).getOrElse(java.util.Map.of())));
    }

    /** {@code <id>:<base64>[,<id>:<base64>...]}: the keys a rotation replaced, kept for opening only. */
    private static java.util.Map<String, byte[]> previousKeys(String value) {
        java.util.Map<String, byte[]> keys = new java.util.LinkedHashMap<>();
        for (String entry : value.split(",")) {
            int colon = entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).strip();
            if (!id.matches("[A-Za-z0-9._-]{1,64}")) {
                throw invalid(Setting.SECRET_KEY_PREVIOUS, "must be <id>:<base64 key>, comma-separated, each id 1 to 64"
                        + " letters, digits, '.', '_' or '-' (for example k1:BASE64)");
            }
            if (keys.put(id, decodeKey(Setting.SECRET_KEY_PREVIOUS, entry.substring(colon + 1).strip())) != null) {
                throw invalid(Setting.SECRET_KEY_PREVIOUS, "names key " + id + " twice");
            }
        }
        return keys;
    }

    private static byte[] decodeKey(Setting setting, String value) {
        byte[] key;
        try {
            key = value.contains("-") || value.contains("_")
                    ? Base64.getUrlDecoder().decode(value) : Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            throw invalid(setting, "is not base64; create one with: openssl rand -base64 32");
        }
        if (key.length != SealingKeySetting.KEY_BYTES) {
            throw invalid(setting, "must decode to 32 bytes (it decodes to " + key.length
                    + "); create one with: openssl rand -base64 32");
        }
        return key;
    }

    private Option<Path> path(Setting setting) {
        return raw.apply(setting).map(value -> {
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw invalid(setting, "is not a valid path");
            }
        });
    }

    static URI uri(Setting setting, String value) {
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute()) {
                throw invalid(setting, "must be an absolute URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw invalid(setting, "is not a valid URL");
        }
    }

    static int integer(Setting setting, String value, int min, int max) {
        try {
            int number = Integer.parseInt(value);
            if (number < min || number > max) {
                throw invalid(setting, "must be from " + min + " to " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw invalid(setting, "must be a whole number");
        }
    }

    static InvalidConfigurationException invalid(Setting setting, String problem) {
        return new InvalidConfigurationException(setting.envVar() + " " + problem);
    }
}
