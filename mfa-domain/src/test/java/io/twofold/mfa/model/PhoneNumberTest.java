package io.twofold.mfa.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"+15551234567", "+1 555 123 4567", "+1-555-123-4567", " +1 (555) 123-4567 ", "+1.555.123.4567"})
    void stripsSeparatorsAndKeepsE164(String raw) {
        assertThat(PhoneNumber.parse(raw).get().e164()).isEqualTo("+15551234567");
    }

    @ParameterizedTest
    @ValueSource(strings = {"15551234567", "+05551234567", "+1555", "+1234567890123456", "+1555123456a", "++15551234567"})
    void rejectsWhatIsNotE164(String raw) {
        assertThat(PhoneNumber.parse(raw).isLeft()).isTrue();
        assertThat(PhoneNumber.parse(raw).getLeft()).contains("E.164", "phone_number");
    }

    @Test
    void saysAMissingNumberIsRequired() {
        assertThat(PhoneNumber.parse(null).getLeft()).isEqualTo("phone_number is required");
    }

    @Test
    void masksEveryDigitButTheLastFour() {
        assertThat(new PhoneNumber("+15551234567").masked()).isEqualTo("XXXXXXX4567");
    }

    @Test
    void printsOnlyTheMaskedForm() {
        assertThat(new PhoneNumber("+15551234567")).hasToString("XXXXXXX4567");
    }

    @Test
    void theConstructorRefusesNonE164() {
        assertThatThrownBy(() -> new PhoneNumber("+1 555 123 4567")).isInstanceOf(IllegalArgumentException.class);
    }
}
