package io.twofold.mfa.jdbc.testing;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The versioned migrations that ship (V1, V2, V7...), counted so that adding one needs no edit in the tests. */
public final class MigrationFiles {
    private MigrationFiles() {
    }

    /** How many {@code V<n>__*.sql} files {@code db/twofold} holds. */
    public static int count() {
        try (Stream<Path> files = Files.list(Path.of(MigrationFiles.class.getResource("/db/twofold").toURI()))) {
            return (int) files.filter(file -> file.getFileName().toString().matches("V[0-9]+__.*\\.sql")).count();
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot list the migrations", e);
        }
    }
}
