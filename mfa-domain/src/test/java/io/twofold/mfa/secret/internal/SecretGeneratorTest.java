package io.twofold.mfa.secret.internal;

import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.testing.SeededRandomSource;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

class SecretGeneratorTest {
    private final SecretGenerator generator = new SecretGenerator(new SeededRandomSource(2024));

    @Test
    void opaqueTokensAre256BitsOfBase64UrlWithoutPadding() {
        String token = generator.opaqueToken();

        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void deviceIdsFitTheAuthenticatorIdFormat() {
        String device = generator.deviceId();

        assertThat(device).matches("dev_[A-Za-z0-9]{16}");
        assertThat(AuthenticatorId.parse("totp|" + device)).isNotEmpty();
    }

    @Test
    void bindingCodesAreSixDigits() {
        for (int i = 0; i < 200; i++) {
            assertThat(generator.bindingCode()).matches("[0-9]{6}");
        }
    }

    @Test
    void bindingCodesKeepLeadingZeros() {
        SecretGenerator scripted = new SecretGenerator(new ScriptedRandomSource(0, 0, 0, 4, 2, 0));

        assertThat(scripted.bindingCode()).isEqualTo("000420");
    }

    @Test
    void recoveryCodesUseOnlyTheUnambiguousAlphabet() {
        Set<Character> seen = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String code = generator.recoveryCode();
            assertThat(code).matches("[A-HJ-NP-Z1-9]{24}").doesNotContain("I", "O", "0");
            assertThat(RecoveryCodes.normalize(code)).containsExactly(code);
            code.chars().forEach(c -> seen.add((char) c));
        }
        // 12,000 draws from 33 symbols: every symbol shows up, so none is left out of the alphabet by mistake.
        assertThat(seen).hasSize(33);
    }

    @Test
    void internalIdsAre128BitsOfHex() {
        assertThat(generator.internalId()).matches("[0-9a-f]{32}");
    }

    @Test
    void theSameSeedGivesTheSameValues() {
        assertThat(everything(new SecretGenerator(new SeededRandomSource(99))))
                .isEqualTo(everything(new SecretGenerator(new SeededRandomSource(99))))
                .isNotEqualTo(everything(new SecretGenerator(new SeededRandomSource(100))));
    }

    @Test
    void successiveValuesDiffer() {
        assertThat(repeat(SecretGenerator::opaqueToken)).hasSize(50);
        assertThat(repeat(SecretGenerator::deviceId)).hasSize(50);
        assertThat(repeat(SecretGenerator::recoveryCode)).hasSize(50);
        assertThat(repeat(SecretGenerator::internalId)).hasSize(50);
    }

    @Test
    void drawsSymbolsWithBoundedIntegersSoNoSymbolIsFavoured() {
        RecordingRandomSource recording = new RecordingRandomSource();
        SecretGenerator recorded = new SecretGenerator(recording);

        recorded.recoveryCode();
        recorded.deviceId();
        recorded.bindingCode();

        assertThat(recording.bounds).containsOnly(33, 62, 10);
    }

    private Set<String> repeat(Function<SecretGenerator, String> make) {
        Set<String> values = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            values.add(make.apply(generator));
        }
        return values;
    }

    private static String everything(SecretGenerator g) {
        return String.join(",", g.opaqueToken(), g.deviceId(), g.bindingCode(), g.recoveryCode(), g.internalId());
    }

    /** Returns the given ints in order; bytes are not needed by the code under test. */
    private static final class ScriptedRandomSource implements RandomSource {
        private final int[] ints;
        private int next;

        ScriptedRandomSource(int... ints) {
            this.ints = ints;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            throw new UnsupportedOperationException("not scripted");
        }

        @Override
        public int nextInt(int bound) {
            return ints[next++];
        }
    }

    /** Records the bounds asked for. */
    private static final class RecordingRandomSource implements RandomSource {
        private final Set<Integer> bounds = new HashSet<>();

        @Override
        public void nextBytes(byte[] bytes) {
            throw new UnsupportedOperationException("not expected");
        }

        @Override
        public int nextInt(int bound) {
            bounds.add(bound);
            return 0;
        }
    }
}
