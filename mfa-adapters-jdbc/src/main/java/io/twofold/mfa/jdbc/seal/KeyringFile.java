package io.twofold.mfa.jdbc.seal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A keyring kept in a properties file ({@code current=<id>}, {@code key.<id>=<base64>}), for the
 * embedded default: the first start writes one random key, readable by the owner only, so that
 * {@code java -jar} needs no set-up and seeds are still sealed. Production passes its keys in
 * configuration instead.
 */
public final class KeyringFile {
    private static final String CURRENT = "current";
    private static final String KEY_PREFIX = "key.";

    private KeyringFile() {
    }

    /** Reads the keyring at {@code file}, creating it with one new key when it does not exist. */
    public static Keyring loadOrCreate(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                create(file, random);
            }
            return read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the keyring file " + file, e);
        }
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[32];
        random.nextBytes(key);
        Properties properties = new Properties();
        properties.setProperty(CURRENT, "k1");
        properties.setProperty(KEY_PREFIX + "k1", Base64.getEncoder().encodeToString(key));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, ".keyring", ".tmp");
        try {
            ownerOnly(temporary);
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING)) {
                properties.store(writer, "Twofold sealing keys. Keep secret; losing them loses every TOTP seed.");
            }
            // Another process may have created it meanwhile: then its key wins and ours is dropped.
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static Keyring read(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, String> keys = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (name.startsWith(KEY_PREFIX)) {
                keys.put(name.substring(KEY_PREFIX.length()), properties.getProperty(name));
            }
        }
        String current = properties.getProperty(CURRENT);
        if (current == null) {
            throw new IllegalArgumentException("the keyring file " + file + " names no current key");
        }
        return Keyring.ofBase64(current, keys);
    }

    private static void ownerOnly(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the directory's ACL applies.
            path.toFile().setReadable(false, false);
            path.toFile().setReadable(true, true);
        }
    }
}
