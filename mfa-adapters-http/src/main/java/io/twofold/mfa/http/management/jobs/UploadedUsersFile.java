package io.twofold.mfa.http.management.jobs;

import io.micronaut.http.multipart.CompletedPart;
import io.twofold.mfa.port.in.operator.UsersFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The {@code users} part copied to a file of its own, readable by this process only: the request's
 * part dies with the request, a job may run after it. Copied in chunks, never held whole in memory,
 * and given up as soon as it passes the size limit.
 */
final class UploadedUsersFile implements UsersFile {
    private final Path path;

    private UploadedUsersFile(Path path) {
        this.path = path;
    }

    /** The part's copy; none when the part is larger than {@code maxBytes} (nothing is left on disk then). */
    static java.util.Optional<UploadedUsersFile> copy(CompletedPart part, long maxBytes) {
        Path path = null;
        try {
            path = Files.createTempFile("twofold-import-", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            long copied = 0;
            byte[] chunk = new byte[16 * 1024];
            try (InputStream in = part.getInputStream(); OutputStream out = Files.newOutputStream(path)) {
                for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                    copied += n;
                    if (copied > maxBytes) {
                        out.close();
                        Files.deleteIfExists(path);
                        return java.util.Optional.empty();
                    }
                    out.write(chunk, 0, n);
                }
            }
            return java.util.Optional.of(new UploadedUsersFile(path));
        } catch (IOException e) {
            deleteQuietly(path);
            throw new UncheckedIOException("the uploaded users file could not be kept", e);
        }
    }

    @Override
    public InputStream open() throws IOException {
        return Files.newInputStream(path);
    }

    @Override
    public void discard() {
        deleteQuietly(path);
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                path.toFile().deleteOnExit();
            }
        }
    }
}
