package io.twofold.mfa.app.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Twofold node as operators run it: {@code java -jar mfa-app.jar} in its own process, configured
 * by {@code MFA_*} environment variables, its output in a log file. Stopped by its PID: SIGTERM
 * ({@link #terminate}) or SIGKILL ({@link #kill}).
 */
final class Node {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Path jar;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;
    private int starts;

    Node(String name, int port, Path jar, Map<String, String> environment, Path logDir) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.environment = environment;
        this.log = logDir.resolve(name + ".log");
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Starts the process and waits until {@code /health/readiness} answers 200. */
    Node start(Duration within) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("MFA_") || key.startsWith("MICRONAUT_"));
        builder.environment().putAll(environment);
        builder.environment().put("MICRONAUT_SERVER_PORT", String.valueOf(port));
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        starts++;
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " while starting; log:\n" + tail());
            }
            if (readiness() == 200) {
                return this;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + within.toSeconds() + " s; log:\n" + tail());
    }

    /** The variables the next {@link #start} runs it with; change them to reconfigure the node across a restart. */
    Map<String, String> environment() {
        return environment;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    int starts() {
        return starts;
    }

    /** GET /health/readiness: its status, or 0 when nothing answered within 5 s. */
    int readiness() {
        return status("health/readiness");
    }

    int status(String path) {
        try {
            HttpRequest request = HttpRequest.newBuilder(uri().resolve(path)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** SIGTERM (what a process manager sends); the exit code, or -1 when it is still running after {@code within}. */
    int terminate(Duration within) {
        process.destroy();
        return awaitExit(within);
    }

    /** SIGKILL: the node dies where it stands. */
    void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(10));
    }

    int awaitExit(Duration within) {
        try {
            return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Whatever is still running is killed: the suite leaves no process behind. */
    void stopQuietly() {
        if (alive()) {
            process.destroy();
            if (awaitExit(Duration.ofSeconds(20)) == -1) {
                kill();
            }
        }
    }

    String log() {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    String tail() {
        String text = log();
        return text.length() > 6000 ? text.substring(text.length() - 6000) : text;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
