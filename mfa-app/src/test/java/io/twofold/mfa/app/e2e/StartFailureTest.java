package io.twofold.mfa.app.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A configuration mistake stops the server as an operator reads it: exit code 1 and one ERROR line
 * that names the setting, no stack trace and none of the framework's bean path. Run as its own
 * process, through the jar's entry point, as {@code java -jar} would.
 */
class StartFailureTest {
    @TempDir
    Path dir;

    @Test
    void aBadSettingExitsWithOneLineThatNamesIt() throws IOException, InterruptedException {
        List<String> output = start("MFA_MANAGEMENT_TOKEN_LIFETIME", "banana");

        assertThat(exit).isEqualTo(1);
        assertThat(output.stream().filter(line -> line.contains("ERROR")))
                .containsExactly(output.stream().filter(line -> line.contains("Twofold cannot start:")).findFirst().orElseThrow())
                .singleElement().asString()
                .endsWith("Twofold cannot start: MFA_MANAGEMENT_TOKEN_LIFETIME must be a duration such as 500ms, 5s or 1m");
        assertThat(output).noneMatch(line -> line.startsWith("\tat ") || line.contains("Path Taken")
                || line.contains("Error starting"));
    }

    private int exit;

    private List<String> start(String variable, String value) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "io.twofold.mfa.app.cli.Launcher").redirectErrorStream(true);
        builder.environment().put("MFA_DATA_DIR", dir.resolve("data").toString());
        builder.environment().put("MICRONAUT_SERVER_PORT", "0");
        builder.environment().put(variable, value);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the process stops by itself").isTrue();
        exit = process.exitValue();
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }
}
