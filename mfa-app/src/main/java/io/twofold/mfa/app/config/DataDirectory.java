package io.twofold.mfa.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The embedded default's data directory holds password hashes, phone numbers, the audit log and the
 * key file: on POSIX it is made the owner's alone, the directory 0700 and every file in it 0600,
 * whatever the umask. Elsewhere (no POSIX permissions) this does nothing. Files the database creates
 * later may get the umask's mode, but the 0700 directory keeps other users out of them.
 */
public final class DataDirectory {
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectory.class);
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private DataDirectory() {
    }

    /** Creates the directory if needed, then restricts it and every file under it to the owner. */
    public static void restrictToOwner(Path dir) {
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (!posix) {
                Files.createDirectories(dir);
                return;
            }
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            }
            long tightened;
            try (Stream<Path> entries = Files.walk(dir)) {
                tightened = entries.filter(DataDirectory::restrict).count();
            }
            if (tightened > 0) {
                LOG.info("restricted {} entries of {} to their owner (directories 0700, files 0600)", tightened,
                        dir.toAbsolutePath());
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot restrict {} to its owner ({}); check it is not readable by other users", dir.toAbsolutePath(),
                    e.getClass().getSimpleName());
        }
    }

    /** Sets the owner-only mode; true when it was not already so. */
    private static boolean restrict(Path path) {
        Set<PosixFilePermission> wanted = Files.isDirectory(path) ? DIRECTORY : FILE;
        try {
            if (Files.isSymbolicLink(path) || Files.getPosixFilePermissions(path).equals(wanted)) {
                return false;
            }
            Files.setPosixFilePermissions(path, wanted);
            return true;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
