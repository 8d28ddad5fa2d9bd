package io.twofold.mfa.app.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Node.js scripts of {@code src/test/node}, copied to a scratch directory with the packages their
 * {@code package-lock.json} pins installed by {@code npm ci} from the npm registry, unmodified.
 */
final class NodeScripts {
    private static final Path SCRIPT_DIR = Path.of("src/test/node");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work;

    private NodeScripts(Path work) {
        this.work = work;
    }

    /** Whether {@code node} and {@code npm} are on the PATH; tests without them are skipped, saying so. */
    static boolean available() {
        return onPath("node") && onPath("npm");
    }

    /** A fresh copy of the scripts with their locked packages installed. */
    static NodeScripts install() throws Exception {
        Path work = Files.createTempDirectory("twofold-node");
        List<Path> files;
        try (Stream<Path> listing = Files.list(SCRIPT_DIR)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            Files.copy(file, work.resolve(file.getFileName()));
        }
        run(work, Map.of(), "npm", "ci", "--no-audit", "--no-fund", "--prefer-offline");
        return new NodeScripts(work);
    }

    /** Runs one script with these environment variables added; what it printed on standard output, as JSON. */
    JsonNode runJson(String script, Map<String, String> env) throws Exception {
        return JSON.readTree(run(work, env, "node", script));
    }

    private static boolean onPath(String command) {
        try {
            return new ProcessBuilder(command, "--version").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Runs a command in {@code dir}; its standard output, or a failure with everything it printed. */
    private static String run(Path dir, Map<String, String> env, String... command) throws Exception {
        Path output = Files.createTempFile(dir, "out", ".txt");
        Path errors = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(output.toFile()).redirectError(errors.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " took longer than 180 s");
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + out
                    + Files.readString(errors, StandardCharsets.UTF_8));
        }
        return out;
    }
}
