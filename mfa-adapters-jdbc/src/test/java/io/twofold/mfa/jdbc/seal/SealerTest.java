package io.twofold.mfa.jdbc.seal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealerTest {
    private static final byte[] K1 = key(1);
    private static final byte[] K2 = key(2);
    private static final byte[] SECRET = "JBSWY3DPEHPK3PXP-secret".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OWNER = Sealer.associatedData("totp-seed", "auth0|alice", "totp|dev_0000000000000001");

    @Test
    void opensWhatItSealedAndOnlyForTheSameOwner() {
        Sealer sealer = new Sealer(Keyring.single("k1", K1), new SecureRandom());

        Sealed sealed = sealer.seal(SECRET, OWNER);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(sealer.open(sealed, OWNER)).isEqualTo(SECRET);
        assertThatThrownBy(() -> sealer.open(sealed, Sealer.associatedData("totp-seed", "auth0|bob", "totp|dev_0000000000000001")))
                .isInstanceOf(SealingException.class)
                .hasMessageContaining("k1")
                .hasMessageNotContaining("JBSWY3DPEHPK3PXP");
    }

    @Test
    void usesAFreshNonceForEveryValue() {
        Sealer sealer = new Sealer(Keyring.single("k1", K1), new SecureRandom());

        assertThat(sealer.seal(SECRET, OWNER)).isNotEqualTo(sealer.seal(SECRET, OWNER));
    }

    @Test
    void opensValuesSealedUnderAnOlderKeyAfterRotation() {
        Sealed old = new Sealer(Keyring.single("k1", K1), new SecureRandom()).seal(SECRET, OWNER);
        Sealer rotated = new Sealer(Keyring.of("k2", Map.of("k1", K1, "k2", K2)), new SecureRandom());

        assertThat(rotated.open(old, OWNER)).isEqualTo(SECRET);
        assertThat(rotated.seal(SECRET, OWNER).keyId()).isEqualTo("k2");
    }

    @Test
    void refusesAnUnknownKeyIdAndTamperedBytes() {
        Sealed sealed = new Sealer(Keyring.single("k1", K1), new SecureRandom()).seal(SECRET, OWNER);
        Sealer other = new Sealer(Keyring.single("k2", K2), new SecureRandom());
        byte[] bytes = sealed.nonceAndCiphertext();
        bytes[bytes.length - 1] ^= 1;
        Sealer same = new Sealer(Keyring.single("k1", K1), new SecureRandom());

        assertThatThrownBy(() -> other.open(sealed, OWNER)).isInstanceOf(SealingException.class).hasMessageContaining("k1");
        assertThatThrownBy(() -> same.open(new Sealed("k1", bytes), OWNER)).isInstanceOf(SealingException.class);
        assertThatThrownBy(() -> same.open(new Sealed("k1", new byte[5]), OWNER)).isInstanceOf(SealingException.class);
    }

    @Test
    void keepsAssociatedDataPartsApart() {
        assertThat(Sealer.associatedData("a|b", "c")).isNotEqualTo(Sealer.associatedData("a", "b|c"));
    }

    @Test
    void acceptsOnly32ByteKeysAndNeverPrintsThem() {
        assertThatThrownBy(() -> Keyring.single("k1", new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keyring.of("k3", Map.of("k1", K1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Keyring.ofBase64("k1", Map.of("k1", "not base64!")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("not base64!");

        String printed = Keyring.of("k2", Map.of("k1", K1, "k2", K2)).toString();
        assertThat(printed).contains("k1", "k2").doesNotContain(java.util.Base64.getEncoder().encodeToString(K1));
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) fill);
        return key;
    }
}
