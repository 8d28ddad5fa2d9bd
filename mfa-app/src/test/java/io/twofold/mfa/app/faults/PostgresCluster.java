package io.twofold.mfa.app.faults;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for the fault suite: {@code initdb} into a temp directory, trust
 * authentication, a free port on 127.0.0.1, so the suite can stop and start it without touching the
 * machine's shared instance. The installed binaries are found under {@code /usr/lib/postgresql/<n>/bin}
 * (or {@code MFA_TEST_PG_BIN}). As root (initdb refuses root) the commands run as the {@code postgres} user.
 * Without {@code initdb} the suite is skipped, or fails when {@code MFA_TEST_REQUIRE_POSTGRES=true}.
 */
final class PostgresCluster implements AutoCloseable {
    static final String USER = "twofold";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresCluster(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates and starts a fresh cluster; skips (or fails) the calling test when PostgreSQL is not installed. */
    static PostgresCluster start() {
        Path bin = binaries().orElse(null);
        if (bin == null) {
            String message = "fault suite SKIPPED: no PostgreSQL initdb/pg_ctl (looked in MFA_TEST_PG_BIN and /usr/lib/postgresql/*/bin)";
            if ("true".equalsIgnoreCase(System.getenv("MFA_TEST_REQUIRE_POSTGRES"))) {
                Assertions.fail(message.replace("SKIPPED", "FAILED (MFA_TEST_REQUIRE_POSTGRES=true)"));
            }
            Assumptions.abort(message);
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("twofold-faults-pg");
            PostgresCluster cluster = new PostgresCluster(bin, dir, freePort(), root);
            if (root) {
                cluster.run(List.of("chown", "postgres:postgres", dir.toString()), false);
            }
            cluster.run(List.of(bin.resolve("initdb").toString(), "-D", cluster.data().toString(), "-U", USER,
                    "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"), true);
            cluster.startServer();
            return cluster;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    int port() {
        return port;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), USER, "");
    }

    /** Starts the server (again) and waits until it accepts connections. */
    void startServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", dir.resolve("postgres.log").toString(),
                "-w", "-t", "60", "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + " -c max_connections=100", "start"), true);
    }

    /** Stops the server: {@code fast} ends every session at once, as a database restart does. */
    void stopServer() {
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "-t", "60", "stop"), true);
    }

    @Override
    public void close() {
        try {
            run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop"), true);
        } catch (RuntimeException alreadyStopped) {
            // nothing running
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is not worth failing the suite for
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            Process process = new ProcessBuilder(full).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("commands.log").toFile().exists()
                            ? ProcessBuilder.Redirect.appendTo(dir.resolve("commands.log").toFile())
                            : ProcessBuilder.Redirect.to(dir.resolve("commands.log").toFile()))
                    .start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + full);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("failed (" + process.exitValue() + "): " + full + "\n"
                        + Files.readString(dir.resolve("commands.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + full, e);
        }
    }

    private static Optional<Path> binaries() {
        String configured = System.getenv("MFA_TEST_PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(bin -> Files.isExecutable(bin.resolve("initdb")));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
                    .max(Comparator.comparingInt(version -> Arrays.stream(version.getFileName().toString().split("\\D+"))
                            .filter(part -> !part.isEmpty()).mapToInt(Integer::parseInt).findFirst().orElse(0)))
                    .map(version -> version.resolve("bin"));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
