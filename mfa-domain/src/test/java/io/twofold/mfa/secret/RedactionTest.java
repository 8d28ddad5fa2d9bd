package io.twofold.mfa.secret;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedactionTest {

    @Test
    void masksTheUserInfoAndEveryQueryValueOfAWebUrl() {
        assertThat(Redaction.url("https://hook:s3cret@sms.example.com:8443/send?api_key=k3y&region=eu#frag"))
                .isEqualTo("https://***@sms.example.com:8443/send?api_key=***&region=***#***");
        assertThat(Redaction.url("http://user@[::1]:80/a@b")).isEqualTo("http://***@[::1]:80/a@b");
    }

    @Test
    void masksPasswordsOfJdbcUrlsInEachForm() {
        assertThat(Redaction.url("jdbc:postgresql://db:5432/twofold?user=app&password=s3cret&currentSchema=mfa"))
                .isEqualTo("jdbc:postgresql://db:5432/twofold?user=***&password=***&currentSchema=***");
        assertThat(Redaction.url("jdbc:postgresql://app:s3cret@db:5432/twofold"))
                .isEqualTo("jdbc:postgresql://***@db:5432/twofold");
        assertThat(Redaction.url("jdbc:h2:file:/var/lib/twofold/data/twofold;PASSWORD=s3cret;MODE=PostgreSQL"))
                .isEqualTo("jdbc:h2:file:/var/lib/twofold/data/twofold;PASSWORD=***;MODE=***");
    }

    @Test
    void leavesAUrlWithoutSecretsAsItIs() {
        assertThat(Redaction.url("https://sms.example.com/send")).isEqualTo("https://sms.example.com/send");
        assertThat(Redaction.url("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(Redaction.url(null)).isNull();
    }
}
