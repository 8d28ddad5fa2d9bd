package io.twofold.mfa.secret.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryCodesTest {
    private static final String CODE = "N3BGPZZWJ85JLCNPZBDW6QXC";

    @Test
    void keepsACanonicalCode() {
        assertThat(RecoveryCodes.normalize(CODE)).containsExactly(CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"n3bgpzzwj85jlcnpzbdw6qxc", "N3BG PZZW J85J LCNP ZBDW 6QXC", "N3BG-PZZW-J85J-LCNP-ZBDW-6QXC",
            " n3bg-pzzw j85j-lcnp zbdw-6qxc "})
    void ignoresCaseSpacesAndHyphens(String typed) {
        assertThat(RecoveryCodes.normalize(typed)).containsExactly(CODE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "N3BGPZZWJ85JLCNPZBDW6QX", "N3BGPZZWJ85JLCNPZBDW6QXCA",
            "N3BGPZZWJ85JLCNPZBDW6QX0", "N3BGPZZWJ85JLCNPZBDW6QXO", "N3BGPZZWJ85JLCNPZBDW6QXI",
            "N3BGPZZWJ85JLCNPZBDW6QX_", "N3BGPZZWJ85JLCNPZBDW6QX\u017F", "N3BGPZZWJ85JLCNPZBDW6QX\tC"})
    void rejectsWhatCannotBeARecoveryCode(String typed) {
        assertThat(RecoveryCodes.normalize(typed)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(RecoveryCodes.normalize(null)).isEmpty();
    }

    @Test
    void theAlphabetHasThirtyThreeUnambiguousSymbols() {
        assertThat(RecoveryCodes.ALPHABET).hasSize(33).doesNotContain("I", "O", "0");
        assertThat(RecoveryCodes.ALPHABET.chars().distinct().count()).isEqualTo(33);
    }
}
