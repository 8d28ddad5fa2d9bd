package io.twofold.mfa.jdbc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The versioned migrations the adapter ships, counted, so tests need no edit when one is added. */
public final class MigrationFiles {

    private MigrationFiles() {
    }

    /** How many {@code V*.sql} files {@code db/twofold} holds. */
    public static int count() {
        try (Stream<Path> files = Files.list(Path.of(MigrationFiles.class.getResource("/db/twofold").toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
