package io.twofold.mfa.app.faults;

import io.twofold.mfa.otp.internal.Base32;
import io.twofold.mfa.otp.internal.Totp;
import io.twofold.mfa.policy.OtpParameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Everything the fault scenarios run on: a private PostgreSQL cluster, an SMS webhook, and two nodes
 * of the built jar on it (same database, sealing key and issuer; node-a applies the bootstrap file,
 * node-b starts once node-a has migrated), a round-robin client, and SQL checks of the invariants.
 */
final class FaultRig implements AutoCloseable {
    static final int USERS = 300;
    /** Users after the {@link #USERS} that loads draw from, kept for scenario 5. */
    static final int RESERVED = 8;
    static final Duration START_WITHIN = Duration.ofSeconds(240);
    /** Long enough for 16 queued logins (Argon2id, two at a time) on a busy 2-core machine. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);
    static final String SEALING_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    /** Nodes re-read the signing keys this often: a rotation is signed with everywhere within it. */
    static final Duration SIGNING_KEY_REFRESH = Duration.ofSeconds(2);
    private final Path jar;
    private static final Totp TOTP = new Totp(OtpParameters.DEFAULT);

    final PostgresCluster postgres;
    final SmsInbox sms;
    final List<Node> nodes;
    final FaultClient client;
    private final Path dir;
    private final AtomicInteger nextUser = new AtomicInteger();

    private FaultRig(PostgresCluster postgres, SmsInbox sms, List<Node> nodes, Path dir, Path jar) {
        this.jar = jar;
        this.postgres = postgres;
        this.sms = sms;
        this.nodes = nodes;
        this.dir = dir;
        this.client = new FaultClient(nodes);
    }

    static FaultRig start() {
        Path jar = Path.of(System.getProperty("twofold.jar", "target/mfa-app.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no built jar at " + jar + ": run the suite through Maven (mvn -pl mfa-app -am verify)");
        }
        PostgresCluster postgres = PostgresCluster.start();
        SmsInbox sms = null;
        List<Node> nodes = List.of();
        try {
            Path dir = Files.createTempDirectory("twofold-faults");
            sms = new SmsInbox();
            Path bootstrap = Files.writeString(dir.resolve("bootstrap.json"), bootstrap());
            Map<String, String> common = Map.ofEntries(
                    Map.entry("MFA_DB_URL", postgres.url()),
                    Map.entry("MFA_DB_USER", PostgresCluster.USER),
                    Map.entry("MFA_SECRET_KEY", SEALING_KEY),
                    Map.entry("MFA_SIGNING_KEY_REFRESH", SIGNING_KEY_REFRESH.toSeconds() + "s"),
                    Map.entry("MFA_ISSUER", "http://twofold.faults.test/"),
                    Map.entry("MFA_SMS_WEBHOOK_URL", sms.url().toString()),
                    Map.entry("MFA_SMS_WEBHOOK_SECRET", SmsInbox.SECRET),
                    Map.entry("MFA_SHUTDOWN_GRACE", SHUTDOWN_GRACE.toSeconds() + "s"),
                    Map.entry("MFA_SEND_LIMIT_GLOBAL", "1000,100ms"),
                    Map.entry("MFA_BLOCKING_THREADS", "32"));
            Node a = new Node("node-a", PostgresCluster.freePort(), jar, with(common, "MFA_BOOTSTRAP_FILE", bootstrap.toString(),
                    "MFA_DATA_DIR", dir.resolve("a").toString()), dir);
            Node b = new Node("node-b", PostgresCluster.freePort(), jar, with(common, "MFA_DATA_DIR", dir.resolve("b").toString()), dir);
            nodes = List.of(a, b);
            a.start(START_WITHIN);
            copyUsers(postgres);
            b.start(START_WITHIN);
            System.out.println("fault suite: PostgreSQL on 127.0.0.1:" + postgres.port() + ", " + a.name + " pid " + a.pid()
                    + " on " + a.uri() + ", " + b.name + " pid " + b.pid() + " on " + b.uri() + "; logs in " + dir);
            return new FaultRig(postgres, sms, nodes, dir, jar);
        } catch (IOException | RuntimeException e) {
            nodes.forEach(Node::stopQuietly);
            if (sms != null) {
                sms.close();
            }
            postgres.close();
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /** {@code user-1} to {@code user-<USERS-1>}: copies of the bootstrap user's row, ids of the same shape. */
    private static void copyUsers(PostgresCluster postgres) {
        try (Connection connection = postgres.connect(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (id, realm, username, login_key, password_hash, created_at, updated_at)"
                        + " SELECT 'auth0|' || substr(md5('faults-' || g), 1, 24), realm, 'user-' || g || '@faults.test',"
                        + " 'user-' || g || '@faults.test', password_hash, created_at, updated_at"
                        + " FROM users, generate_series(1, ?) AS g WHERE login_key = ?")) {
            insert.setInt(1, USERS + RESERVED - 1);
            insert.setString(2, username(0));
            if (insert.executeUpdate() != USERS + RESERVED - 1) {
                throw new IllegalStateException("could not copy the bootstrap user");
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> with(Map<String, String> common, String... pairs) {
        Map<String, String> all = new java.util.HashMap<>(common);
        for (int i = 0; i < pairs.length; i += 2) {
            all.put(pairs[i], pairs[i + 1]);
        }
        return all;
    }

    private static String bootstrap() {
        // One user: each password in a bootstrap file costs an Argon2id hash at every start; the others
        // are copies of its row (copyUsers), with the same hash, hence the same password.
        String users = "{\"realm\": \"Username-Password-Authentication\", \"username\": \"" + username(0)
                + "\", \"password\": \"" + FaultClient.PASSWORD + "\"}";
        return """
                {"tenant": {"friendly_name": "Faults"},
                 "clients": [{"client_id": "%s", "client_secret": "%s", "name": "Faults",
                              "grant_types": ["password", "%s", "%s", "%s"], "mfa_policy": "always"}],
                 "users": [%s]}
                """.formatted(FaultClient.CLIENT_ID, FaultClient.CLIENT_SECRET, FaultClient.MFA_OTP, FaultClient.MFA_OOB,
                FaultClient.MFA_RECOVERY_CODE, users);
    }

    static String username(int i) {
        return "user-" + i + "@faults.test";
    }

    /** A user no scenario has touched yet. */
    String freshUser() {
        int i = nextUser.getAndIncrement();
        if (i >= USERS) {
            throw new IllegalStateException("the bootstrap file has only " + USERS + " users");
        }
        return username(i);
    }

    /** One of the users no load draws from ({@code i} below {@link #RESERVED}). */
    static String reservedUser(int i) {
        return username(USERS + i);
    }

    /** A user no scenario has touched yet, or null when none is left (load loops then idle). */
    String freshUserOrNull() {
        int i = nextUser.getAndIncrement();
        return i < USERS ? username(i) : null;
    }

    static String totp(String base32Secret, Instant at) {
        return TOTP.codeAt(Base32.decode(base32Secret), at);
    }

    // ---- the database, read directly

    /** Of these users, those with an active (confirmed) TOTP authenticator. */
    long withActiveTotp(Collection<String> usernames) {
        return usernames.stream().filter(username -> count("SELECT COUNT(*) FROM authenticators a JOIN users u ON u.id = a.user_id"
                + " WHERE u.username = ? AND a.kind = 'totp' AND a.confirmed_at IS NOT NULL", username) == 1).count();
    }

    /**
     * Authenticators half written: an active factor whose enrollment companion (the recovery code handed
     * out with it) did not become active with it, or the other way round.
     */
    long halfWritten() {
        return count("SELECT COUNT(*) FROM authenticators r JOIN authenticators f ON f.id = r.companion_of"
                + " WHERE (r.confirmed_at IS NULL) <> (f.confirmed_at IS NULL)");
    }

    /** The user's authenticators as rows (kind, confirmed, expires, enrolled through), for a report. */
    String authenticatorRows(String username) {
        StringBuilder rows = new StringBuilder();
        try (Connection connection = postgres.connect(); PreparedStatement statement = connection.prepareStatement(
                "SELECT a.id, a.kind, a.confirmed_at, a.expires_at, a.enrolled_through, a.companion_of FROM authenticators a"
                        + " JOIN users u ON u.id = a.user_id WHERE u.username = ? ORDER BY a.seq")) {
            statement.setString(1, username);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.append('[').append(result.getString(1)).append(' ').append(result.getString(2))
                            .append(" confirmed=").append(result.getString(3)).append(" expires=").append(result.getString(4))
                            .append(" through=").append(result.getString(5)).append(" companion_of=").append(result.getString(6))
                            .append(']');
                }
            }
        } catch (SQLException e) {
            return "unreadable: " + e.getMessage();
        }
        return rows.length() == 0 ? "none" : rows.toString();
    }

    long count(String sql, Object... parameters) {
        try (Connection connection = postgres.connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    Path dir() {
        return dir;
    }

    // ---- operator commands, as an operator runs them: java -jar mfa-app.jar COMMAND, configured like node-a

    /** What a command printed and its exit code (-1 when it did not end within the time given). */
    record CommandRun(int exit, String output) {
    }

    /** Starts {@code java -jar mfa-app.jar <arguments>} with node-a's configuration; its output goes to a file in the log directory. */
    Process startCommand(Path output, String... arguments) {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar.toString()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(output.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("MFA_") || key.startsWith("MICRONAUT_"));
        nodes.get(0).environment().forEach((key, value) -> {
            if (!key.equals("MFA_BOOTSTRAP_FILE")) {
                builder.environment().put(key, value);
            }
        });
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command to its end (at most {@code within}). */
    CommandRun runCommand(Duration within, String... arguments) {
        Path output = dir.resolve("command-" + System.nanoTime() + ".log");
        Process process = startCommand(output, arguments);
        try {
            boolean ended = process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            }
            return new CommandRun(ended ? process.exitValue() : -1, Files.readString(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        nodes.forEach(Node::stopQuietly);
        sms.close();
        postgres.close();
    }
}
