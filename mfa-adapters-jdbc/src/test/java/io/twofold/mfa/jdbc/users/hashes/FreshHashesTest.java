package io.twofold.mfa.jdbc.users.hashes;

import io.twofold.mfa.jdbc.users.hashes.HashFixtures.Fixture;
import io.vavr.collection.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code make-hashes.sh} now, with new salts, and checks every hash it makes: the committed
 * fixtures cannot go stale against the tools. Skipped (saying which tool is missing) where
 * htpasswd, argon2, openssl or python3 is not installed.
 */
class FreshHashesTest {
    private static final List<String> TOOLS = List.of("htpasswd", "argon2", "openssl", "python3", "bash");

    @Test
    void hashesTheToolsMakeNowVerify(@TempDir Path dir) throws Exception {
        List<String> missing = TOOLS.filter(tool -> !onPath(tool));
        Assumptions.assumeTrue(missing.isEmpty(), () -> "hash tools not installed: " + missing.mkString(", ")
                + " (apt-get install apache2-utils argon2 openssl python3)");
        Path script = Path.of(FreshHashesTest.class.getResource("/hashes/make-hashes.sh").toURI());
        Path out = dir.resolve("fresh.tsv");
        Process process = new ProcessBuilder("bash", script.toString(), out.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("script.log").toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the script finishes").isTrue();
        assertThat(process.exitValue()).as(() -> "the script succeeds: " + read(dir.resolve("script.log"))).isZero();

        List<Fixture> fresh = HashFixtures.read(out);

        assertThat(fresh.map(Fixture::name)).containsExactlyElementsOf(HashFixtures.committed().map(Fixture::name));
        for (Fixture fixture : fresh) {
            StoredHash stored = fixture.stored().getOrElseThrow(reason -> new AssertionError(fixture.name() + ": " + reason));
            assertThat(stored.matches(fixture.password())).as(fixture.name()).isTrue();
            assertThat(stored.matches(fixture.password() + "x")).as(fixture.name()).isFalse();
        }
    }

    private static boolean onPath(String tool) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .exists(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "(no log)";
        }
    }
}
