package io.twofold.mfa.app.config;

import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.seal.KeyringFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * Finds the seed-sealing keyring: {@code MFA_SECRET_KEY} when set; for the embedded database only,
 * a key generated once and kept in {@code <data dir>/secret.key} (owner-only); otherwise the server
 * refuses to start, because a key generated beside an external database would be lost with the
 * node that made it, and other nodes could not open what it sealed.
 */
public final class SealingKeys {
    static final String KEY_FILE = "secret.key";
    private static final Logger LOG = LoggerFactory.getLogger(SealingKeys.class);

    private SealingKeys() {
    }

    public static Keyring resolve(TwofoldConfiguration configuration, SecureRandom random) {
        if (configuration.sealingKey().isDefined()) {
            SealingKeySetting setting = configuration.sealingKey().get();
            return Keyring.of(setting.keyId(), setting.allKeys());
        }
        if (!configuration.database().embedded()) {
            throw new InvalidConfigurationException("MFA_SECRET_KEY is required with an external database (MFA_DB_URL):"
                    + " every node must seal and open TOTP seeds with the same key. Create one with:"
                    + " openssl rand -base64 32");
        }
        Path file = configuration.dataDir().resolve(KEY_FILE).toAbsolutePath();
        LOG.warn("MFA_SECRET_KEY is not set: TOTP seeds are sealed with a key kept in {}. Fine for development;"
                + " production must set MFA_SECRET_KEY (openssl rand -base64 32) and keep it safe.", file);
        try {
            Keyring keyring = KeyringFile.loadOrCreate(file, random);
            warnIfShared(file);
            return keyring;
        } catch (UncheckedIOException | IllegalArgumentException e) {
            throw new InvalidConfigurationException("cannot use the key file " + file + " (" + e.getMessage()
                    + "); fix or remove it, or set MFA_SECRET_KEY", e);
        }
    }

    private static void warnIfShared(Path file) {
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")
                    && !PosixFilePermissions.toString(Files.getPosixFilePermissions(file)).equals("rw-------")) {
                LOG.warn("{} can be read by others; restrict it with: chmod 600 {}", file, file);
            }
        } catch (java.io.IOException e) {
            LOG.warn("cannot check the permissions of {}: {}", file, e.getClass().getSimpleName());
        }
    }
}
