package io.twofold.mfa.app.config;

import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.app.bootstrap.BootstrapParser;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealingKeysTest {

    private static TwofoldConfiguration read(Map<Setting, String> values) {
        return new ConfigurationReader(values::get, new BootstrapParser("Username-Password-Authentication")).read();
    }

    @Test
    void generatesAnOwnerOnlyKeyFileForTheEmbeddedDatabaseAndKeepsIt(@TempDir Path dir) throws Exception {
        TwofoldConfiguration configuration = read(HashMap.of(Setting.DATA_DIR, dir.toString()));

        String first = SealingKeys.resolve(configuration, new SecureRandom()).currentKeyId();
        Path file = dir.resolve("secret.key");
        String content = Files.readString(file);
        SealingKeys.resolve(configuration, new SecureRandom());

        assertThat(first).isEqualTo("k1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).isEqualTo(content);
    }

    @Test
    void refusesAnExternalDatabaseWithoutAKey() {
        TwofoldConfiguration configuration = read(HashMap.of(Setting.DB_URL, "jdbc:postgresql://db/twofold"));

        assertThatThrownBy(() -> SealingKeys.resolve(configuration, new SecureRandom()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("MFA_SECRET_KEY is required with an external database");
    }

    @Test
    void usesTheConfiguredKeyAndItsId() {
        TwofoldConfiguration configuration = read(HashMap.of(Setting.DB_URL, "jdbc:postgresql://db/twofold",
                Setting.SECRET_KEY, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", Setting.SECRET_KEY_ID, "prod-2"));

        assertThat(SealingKeys.resolve(configuration, new SecureRandom()).currentKeyId()).isEqualTo("prod-2");
    }
}
