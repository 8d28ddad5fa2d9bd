package io.twofold.mfa.app.config;

import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.app.bootstrap.BootstrapParser;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.jdbc.seal.Sealed;
import io.twofold.mfa.jdbc.seal.Sealer;
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

    @Test
    void previousKeysOpenWhatTheySealedWhileTheCurrentKeySealsAnythingNew() {
        String k1 = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        Keyring old = SealingKeys.resolve(read(HashMap.of(Setting.DB_URL, "jdbc:postgresql://db/twofold",
                Setting.SECRET_KEY, k1)), new SecureRandom());
        Sealed underK1 = new Sealer(old, new SecureRandom()).seal(new byte[] {7}, new byte[0]);

        Keyring rotated = SealingKeys.resolve(read(HashMap.of(Setting.DB_URL, "jdbc:postgresql://db/twofold",
                Setting.SECRET_KEY, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", Setting.SECRET_KEY_ID, "k2",
                Setting.SECRET_KEY_PREVIOUS, "k0:" + k1.replace("A", "B") + ", k1:" + k1)), new SecureRandom());
        Sealer sealer = new Sealer(rotated, new SecureRandom());

        assertThat(sealer.open(underK1, new byte[0])).containsExactly(7);
        assertThat(sealer.seal(new byte[] {8}, new byte[0]).keyId()).isEqualTo("k2");
    }

    @Test
    void refusesPreviousKeysThatAreMalformedRepeatedOrWithoutACurrentKey() {
        String key = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        Map<Setting, String> base = HashMap.of(Setting.DB_URL, "jdbc:postgresql://db/twofold", Setting.SECRET_KEY, key);

        assertThatThrownBy(() -> read(base.put(Setting.SECRET_KEY_PREVIOUS, key)))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("MFA_SECRET_KEY_PREVIOUS must be <id>:<base64 key>")
                .hasMessageNotContaining(key);
        assertThatThrownBy(() -> read(base.put(Setting.SECRET_KEY_PREVIOUS, "k0:not-base64!")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("MFA_SECRET_KEY_PREVIOUS is not base64");
        assertThatThrownBy(() -> read(base.put(Setting.SECRET_KEY_PREVIOUS, "k0:" + key + ",k0:" + key)))
                .isInstanceOf(InvalidConfigurationException.class).hasMessage("MFA_SECRET_KEY_PREVIOUS names key k0 twice");
        assertThatThrownBy(() -> read(base.put(Setting.SECRET_KEY_PREVIOUS, "k1:" + key)))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("names the current key id k1 again");
        assertThatThrownBy(() -> read(HashMap.of(Setting.SECRET_KEY_PREVIOUS, "k0:" + key)))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageStartingWith("MFA_SECRET_KEY_PREVIOUS needs MFA_SECRET_KEY");
    }

    @Test
    void readsHowOftenNodesReReadTheSigningKeysAndHowLongRetiredOnesStay() {
        TwofoldConfiguration defaults = read(HashMap.empty());
        TwofoldConfiguration configured = read(HashMap.of(Setting.SIGNING_KEY_REFRESH, "2s",
                Setting.MANAGEMENT_TOKEN_LIFETIME, "72h"));

        assertThat(defaults.keyRefresh().every()).hasSeconds(30);
        assertThat(defaults.keyRefresh().retiredKeysKept()).isEqualTo(java.time.Duration.ofHours(24).plusMinutes(5));
        assertThat(configured.keyRefresh().every()).hasSeconds(2);
        assertThat(configured.keyRefresh().retiredKeysKept()).isEqualTo(java.time.Duration.ofHours(72).plusMinutes(5));
        assertThatThrownBy(() -> read(HashMap.of(Setting.SIGNING_KEY_REFRESH, "500ms")))
                .isInstanceOf(InvalidConfigurationException.class).hasMessage("MFA_SIGNING_KEY_REFRESH must be at least 1s");
    }
}
