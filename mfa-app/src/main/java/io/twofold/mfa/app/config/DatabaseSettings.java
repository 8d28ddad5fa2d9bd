package io.twofold.mfa.app.config;

import io.twofold.mfa.secret.Redaction;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * Where the data lives. {@code embedded} is true when no {@code MFA_DB_URL} was given and the
 * server made up an H2 file database under the data directory itself. The timeouts bound how long a
 * request waits on the database: for a pooled connection ({@code poolTimeout}), for a new connection
 * to open ({@code connectTimeout}) and for one statement ({@code statementTimeout}).
 */
public record DatabaseSettings(String url, String user, String password, int poolSize, boolean embedded,
                               Duration poolTimeout, Duration connectTimeout, Duration statementTimeout) {
    /** Added to the statement timeout for the socket read timeout: the server's own cancel comes first. */
    static final Duration SOCKET_MARGIN = Duration.ofSeconds(2);

    /**
     * The URL the driver gets: for PostgreSQL, the connect and statement timeouts as driver parameters
     * (a parameter already in {@code MFA_DB_URL} wins). {@code statement_timeout} makes the server cancel
     * a slow statement; {@code socketTimeout} ends the wait on a connection whose server or network went
     * silent mid-query, which no server-side setting can. H2 runs in the process: nothing to add.
     */
    public String jdbcUrl() {
        if (!url.startsWith("jdbc:postgresql:")) {
            return url;
        }
        StringBuilder result = new StringBuilder(url);
        long statementMillis = statementTimeout.toMillis();
        add(result, "connectTimeout", String.valueOf(ceilSeconds(connectTimeout)));
        add(result, "socketTimeout", String.valueOf(ceilSeconds(statementTimeout.plus(SOCKET_MARGIN))));
        add(result, "options", URLEncoder.encode("-c statement_timeout=" + statementMillis, StandardCharsets.UTF_8)
                .replace("+", "%20"));
        return result.toString();
    }

    private void add(StringBuilder url, String name, String value) {
        String lower = this.url.toLowerCase(Locale.ROOT);
        if (lower.contains("?" + name.toLowerCase(Locale.ROOT) + "=") || lower.contains("&" + name.toLowerCase(Locale.ROOT) + "=")) {
            return;
        }
        url.append(url.indexOf("?") < 0 ? '?' : '&').append(name).append('=').append(value);
    }

    private static long ceilSeconds(Duration duration) {
        return (duration.toMillis() + 999) / 1000;
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + Redaction.url(url) + ", user=" + user + ", password=***, poolSize=" + poolSize
                + ", embedded=" + embedded + ", poolTimeout=" + poolTimeout + ", connectTimeout=" + connectTimeout
                + ", statementTimeout=" + statementTimeout + "]";
    }
}
