package io.twofold.mfa.app.e2e;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The embedded default keeps password hashes, phone numbers and the audit log in H2 files under the
 * data directory: on POSIX the directory is the owner's alone (0700) and every file in it 0600, as
 * the key file is, whatever the umask, and an older installation is tightened at start-up.
 */
class DataDirectoryPermissionsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
    }

    @Test
    void theDataDirectoryAndTheDatabaseFilesAreTheOwnersAlone() throws IOException {
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(E2eFixture.properties(dir, webhook), E2eFixture.clock())) {
            assertThat(login(app).error()).isEqualTo("mfa_required");

            assertOwnerOnly(dir.resolve("data"));
        }
    }

    @Test
    void anInstallationReadableByOthersIsTightenedAtStartUp() throws IOException {
        try (WebhookRecorder webhook = new WebhookRecorder()) {
            Map<String, Object> properties = E2eFixture.properties(dir, webhook);
            try (RunningApp first = RunningApp.start(properties, E2eFixture.clock())) {
                assertThat(login(first).error()).isEqualTo("mfa_required");
            }
            Path data = dir.resolve("data");
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
            for (Path file : files(data)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            }

            try (RunningApp second = RunningApp.start(properties, E2eFixture.clock())) {
                assertThat(login(second).error()).isEqualTo("mfa_required");
                assertOwnerOnly(data);
            }
        }
    }

    private static void assertOwnerOnly(Path data) throws IOException {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        List<Path> files = files(data);
        assertThat(files).extracting(file -> file.getFileName().toString()).contains("twofold.mv.db", "secret.key");
        for (Path file : files) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).as(file.toString())
                    .isEqualTo("rw-------");
        }
    }

    private static List<Path> files(Path data) throws IOException {
        try (Stream<Path> walk = Files.walk(data)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static ApiResponse login(RunningApp app) {
        return app.client().postForm("oauth/token", Map.of("grant_type", PASSWORD, "username", JANE,
                "password", JANE_PASSWORD, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }
}
