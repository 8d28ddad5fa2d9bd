package io.twofold.mfa.loadgen;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** Load goes only to this machine: 127.0.0.0/8, ::1 or localhost. Anything else is refused. */
final class Loopback {
    private Loopback() {
    }

    static void requireLoopback(String host, String what) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(what + " names no host");
        }
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        boolean ok;
        if (literal.equalsIgnoreCase("localhost")) {
            ok = true;
        } else if (literal.matches("[0-9.]+") || literal.contains(":")) {
            // An IP literal: InetAddress parses it without any name lookup.
            try {
                ok = InetAddress.getByName(literal).isLoopbackAddress();
            } catch (UnknownHostException e) {
                ok = false;
            }
        } else {
            ok = false;
        }
        if (!ok) {
            throw new IllegalArgumentException(what + " must be a loopback address (127.0.0.1, ::1, localhost), not " + host);
        }
    }

    /** An H2 URL is local unless it names a tcp/ssl server; a PostgreSQL URL must name a loopback host. */
    static void requireLoopbackDatabase(String jdbcUrl) {
        if (jdbcUrl.isEmpty()) {
            return;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            if (jdbcUrl.startsWith("jdbc:h2:tcp:") || jdbcUrl.startsWith("jdbc:h2:ssl:")) {
                requireLoopback(URI.create(jdbcUrl.substring("jdbc:h2:".length()).replaceFirst(";.*", "")).getHost(), "--db-url");
            }
            return;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql://")) {
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            requireLoopback(uri.getHost(), "--db-url");
            return;
        }
        throw new IllegalArgumentException("--db-url must be a jdbc:h2: or jdbc:postgresql:// URL on this machine");
    }
}
