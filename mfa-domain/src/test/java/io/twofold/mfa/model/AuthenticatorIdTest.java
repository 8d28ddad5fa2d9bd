package io.twofold.mfa.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticatorIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"totp|dev_Hy7uB1nQw4ErT9oP", "sms|dev_Hy7uB1nQw4ErT9oP", "voice|dev_0123456789abcdef",
            "email|dev_ABCDEFGHIJKLMNOP", "recovery-code|dev_Hy7uB1nQw4ErT9oP"})
    void parsesWhatItPrints(String raw) {
        AuthenticatorId id = AuthenticatorId.parse(raw).get();

        assertThat(id.value()).isEqualTo(raw);
        assertThat(id).hasToString(raw);
    }

    @Test
    void readsTheKindAndDevice() {
        AuthenticatorId id = AuthenticatorId.parse("sms|dev_Hy7uB1nQw4ErT9oP").get();

        assertThat(id.kind()).isEqualTo(AuthenticatorKind.SMS);
        assertThat(id.device()).isEqualTo("dev_Hy7uB1nQw4ErT9oP");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "totp", "dev_Hy7uB1nQw4ErT9oP", "push|dev_Hy7uB1nQw4ErT9oP", "TOTP|dev_Hy7uB1nQw4ErT9oP",
            "totp|dev_Hy7uB1nQw4ErT9o", "totp|dev_Hy7uB1nQw4ErT9oPX", "totp|dev_Hy7uB1nQw4ErT9o!", "totp|Hy7uB1nQw4ErT9oPab",
            "totp|dev_Hy7uB1nQw4ErT9oP|x", "totp||dev_Hy7uB1nQw4ErT9oP"})
    void rejectsWhatIsNotOneOfOurIds(String raw) {
        assertThat(AuthenticatorId.parse(raw)).isEmpty();
    }

    @Test
    void rejectsNull() {
        assertThat(AuthenticatorId.parse(null)).isEmpty();
    }

    @Test
    void theConstructorRefusesABadDevicePart() {
        assertThatThrownBy(() -> new AuthenticatorId(AuthenticatorKind.TOTP, "dev_short"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
