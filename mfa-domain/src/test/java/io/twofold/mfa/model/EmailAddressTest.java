package io.twofold.mfa.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class EmailAddressTest {

    @Test
    void keepsTheAddressButSurroundingBlanks() {
        assertThat(EmailAddress.parse("  Jane.Doe@Example.com ").get().value()).isEqualTo("Jane.Doe@Example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane", "jane@", "@example.com", "jane@example", "jane@@example.com", "ja ne@example.com", "a@b@c.com"})
    void rejectsWhatIsNotAnEmailAddress(String raw) {
        assertThat(EmailAddress.parse(raw).getLeft()).isEqualTo("email is not a valid email address");
    }

    @Test
    void rejectsOverlongAddresses() {
        String raw = "j@" + "e".repeat(250) + ".com";

        assertThat(EmailAddress.parse(raw).isLeft()).isTrue();
    }

    @Test
    void saysAMissingAddressIsRequired() {
        assertThat(EmailAddress.parse(null).getLeft()).isEqualTo("email is required");
        assertThat(EmailAddress.parse(" ").getLeft()).isEqualTo("email is required");
    }

    @Test
    void masksAllButTheFirstLetterOfTheLocalPartAndHost() {
        assertThat(new EmailAddress("jane@example.com").masked()).isEqualTo("j***@e******.com");
        assertThat(new EmailAddress("jonathan@Mail.Example.co.uk").masked()).isEqualTo("j*******@m**************.uk");
    }

    @Test
    void masksShortLocalPartsWithAtLeastThreeStars() {
        assertThat(new EmailAddress("j@example.com").masked()).isEqualTo("j***@e******.com");
    }

    @Test
    void printsOnlyTheMaskedForm() {
        assertThat(new EmailAddress("jane@example.com")).hasToString("j***@e******.com");
    }
}
