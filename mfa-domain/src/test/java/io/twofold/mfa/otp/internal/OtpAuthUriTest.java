package io.twofold.mfa.otp.internal;

import io.twofold.mfa.model.OtpSeed;
import io.twofold.mfa.policy.OtpParameters;
import io.twofold.mfa.policy.OtpParameters.OtpAlgorithm;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OtpAuthUriTest {
    /** The secret of the spec's example, KRUGS4ZANFZSAYLOEBSXQYLNOBWGKIDT. */
    private static final OtpSeed SPEC_SEED = new OtpSeed(Base32.decode("KRUGS4ZANFZSAYLOEBSXQYLNOBWGKIDT"));

    @Test
    void buildsTheSpecExampleExactly() {
        String uri = OtpAuthUri.totp("Example Tenant", "jane@example.com", SPEC_SEED, OtpParameters.DEFAULT);

        assertThat(uri).isEqualTo("otpauth://totp/Example%20Tenant:jane%40example.com"
                + "?secret=KRUGS4ZANFZSAYLOEBSXQYLNOBWGKIDT&issuer=Example%20Tenant&algorithm=SHA1&digits=6&period=30");
    }

    @Test
    void carriesTheConfiguredParameters() {
        OtpParameters parameters = new OtpParameters(OtpAlgorithm.SHA256, 8, Duration.ofSeconds(60), 1);

        assertThat(OtpAuthUri.totp("T", "u", SPEC_SEED, parameters))
                .endsWith("&algorithm=SHA256&digits=8&period=60");
    }

    @Test
    void percentEncodesReservedAndNonAsciiCharacters() {
        assertThat(OtpAuthUri.percentEncode("a+b:c/d?e&f=g h~i.j_k-l")).isEqualTo("a%2Bb%3Ac%2Fd%3Fe%26f%3Dg%20h~i.j_k-l");
        assertThat(OtpAuthUri.percentEncode("Zoë")).isEqualTo("Zo%C3%AB");
    }
}
