package io.twofold.mfa.loadgen;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The command line: {@code --name value} pairs. Only loopback targets are accepted, for the HTTP
 * base URL and for the database the seeding writes to.
 */
record Options(
        URI baseUrl,
        String scenario,
        int concurrency,
        Duration duration,
        Duration warmup,
        int users,
        long maxOperations,
        String dbUrl,
        String dbUser,
        String dbPassword,
        String secretKey,
        String secretKeyId,
        String realm,
        String scope,
        String clientId,
        String machineClientId,
        String issuer,
        long serverPid,
        String target,
        String clientSecret,
        boolean floor,
        String profiler) {

    static final Set<String> SCENARIOS = Set.of("login", "imported-login", "second-factor", "enroll", "statements",
            "client-credentials");
    /** Against Keycloak: its client_credentials, its direct grant with password and TOTP, and setting its realm up. */
    static final Set<String> KEYCLOAK_SCENARIOS = Set.of("login", "client-credentials", "setup");
    private static final Set<String> NAMES = Set.of("base-url", "scenario", "concurrency", "duration", "warmup",
            "users", "max-operations", "db-url", "db-user", "db-password", "secret-key", "secret-key-id", "realm",
            "scope", "client-id", "machine-client-id", "issuer", "server-pid", "target", "client-secret", "floor",
            "profiler");

    static Options parse(String[] args) {
        Map<String, String> raw = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!NAMES.contains(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("unknown option or missing value: " + args[i] + "\n" + usage());
            }
            raw.put(name, args[++i]);
        }
        String scenario = raw.getOrDefault("scenario", "second-factor");
        String target = raw.getOrDefault("target", "twofold");
        if (!Set.of("twofold", "keycloak").contains(target)) {
            throw new IllegalArgumentException("--target is twofold or keycloak");
        }
        boolean keycloak = target.equals("keycloak");
        if (!(keycloak ? KEYCLOAK_SCENARIOS : SCENARIOS).contains(scenario)) {
            throw new IllegalArgumentException("--scenario is one of " + (keycloak ? KEYCLOAK_SCENARIOS : SCENARIOS));
        }
        URI base = URI.create(raw.getOrDefault("base-url", "http://127.0.0.1:8080").replaceAll("/+$", ""));
        Loopback.requireLoopback(base.getHost(), "--base-url");
        String dbUrl = keycloak ? "" : env(raw, "db-url", "MFA_DB_URL", "");
        Loopback.requireLoopbackDatabase(dbUrl);
        return new Options(base, scenario,
                Integer.parseInt(raw.getOrDefault("concurrency", "32")),
                duration(raw.getOrDefault("duration", "30s")),
                duration(raw.getOrDefault("warmup", "5s")),
                Integer.parseInt(raw.getOrDefault("users", "2000")),
                Long.parseLong(raw.getOrDefault("max-operations", "5000000")),
                dbUrl,
                env(raw, "db-user", "MFA_DB_USER", ""),
                env(raw, "db-password", "MFA_DB_PASSWORD", ""),
                env(raw, "secret-key", "MFA_SECRET_KEY", ""),
                env(raw, "secret-key-id", "MFA_SECRET_KEY_ID", "k1"),
                raw.getOrDefault("realm", "Username-Password-Authentication"),
                raw.getOrDefault("scope", "openid profile"),
                raw.getOrDefault("client-id", "loadgen"),
                raw.getOrDefault("machine-client-id", "loadgen-machine"),
                env(raw, "issuer", "MFA_ISSUER", ""),
                Long.parseLong(raw.getOrDefault("server-pid", "0")),
                target,
                raw.getOrDefault("client-secret", ""),
                !raw.getOrDefault("floor", "on").equals("off"),
                raw.getOrDefault("profiler", ""));
    }

    private static String env(Map<String, String> raw, String name, String variable, String fallback) {
        String fromEnv = System.getenv(variable);
        return raw.getOrDefault(name, fromEnv == null ? fallback : fromEnv);
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t.endsWith("s") ? t.substring(0, t.length() - 1) : t));
    }

    static String usage() {
        return "LoadGenerator --scenario login|imported-login|second-factor|enroll|statements|client-credentials"
                + " --base-url http://127.0.0.1:8080\n"
                + "  --concurrency 32 --duration 30s --warmup 5s --users 2000 --max-operations 5000000\n"
                + "  --db-url $MFA_DB_URL --db-user $MFA_DB_USER --db-password $MFA_DB_PASSWORD\n"
                + "  --secret-key $MFA_SECRET_KEY --secret-key-id k1 --realm Username-Password-Authentication\n"
                + "  --scope 'openid profile' --client-id loadgen --server-pid <pid of the server, for heap after GC>\n"
                + "  --machine-client-id loadgen-machine (client-credentials: the machine client it registers)\n"
                + "  --issuer $MFA_ISSUER (client-credentials: the server's issuer; default: its discovery document's)\n"
                + "  --target twofold|keycloak (keycloak: --scenario setup|client-credentials|login, --realm <its realm>,\n"
                + "    --client-id/--client-secret of its confidential client; setup needs KC_BOOTSTRAP_ADMIN_USERNAME/PASSWORD)\n"
                + "  --floor on|off (login: the password-hash floor before and after the load; off for a warm-up)\n"
                + "  --profiler <path of libasyncProfiler.so> (profiles the server, --server-pid, over the measured phase)";
    }
}
