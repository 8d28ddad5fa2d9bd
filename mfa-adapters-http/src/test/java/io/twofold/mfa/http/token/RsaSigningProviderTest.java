package io.twofold.mfa.http.token;

import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

class RsaSigningProviderTest {
    private static final String ACCP = "AmazonCorrettoCryptoProvider";

    @Test
    void autoChoosesTheNativeAccpOnLinuxX8664() {
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        assumeThat(os).as("ACCP's bundled native library is built for Linux x86_64 only; this JVM runs on "
                + os + " " + arch).isEqualTo("Linux");
        assumeThat(arch).as("ACCP's bundled native library is built for Linux x86_64 only; this JVM runs on "
                + os + " " + arch).isIn(Set.of("amd64", "x86_64"));

        RsaSigningProvider chosen = RsaSigningProvider.choose(RsaSigningProvider.Mode.AUTO);

        assertThat(chosen.usesAccp()).as(chosen.description()).isTrue();
        assertThat(chosen.provider().getName()).isEqualTo(ACCP);
        assertThat(chosen.description()).startsWith(ACCP + " 2.").contains("(native AWS-LC");
        assertThat(chosen.privateKey(TestKeys.PRIMARY).getClass().getName())
                .as("translated once into ACCP's own key, not re-imported per signature")
                .startsWith("com.amazon.corretto.crypto.provider.");
    }

    @Test
    void jdkModeNeverUsesAccp() {
        RsaSigningProvider chosen = RsaSigningProvider.choose(RsaSigningProvider.Mode.JDK,
                () -> { throw new AssertionError("JDK mode must not even try ACCP"); });

        assertThat(chosen.usesAccp()).isFalse();
        assertThat(chosen.provider().getName()).isEqualTo("SunRsaSign");
        assertThat(chosen.ecProvider().getName()).isEqualTo("SunEC");
        assertThat(chosen.description()).isEqualTo("JDK SunRsaSign and SunEC (chosen explicitly; ACCP not tried)");
        assertThat(chosen.privateKey(TestKeys.PRIMARY).getClass().getName()).startsWith("sun.security.rsa.");
        assertThat(chosen.privateKey(TestKeys.EC).getClass().getName()).startsWith("sun.security.ec.");
        assertThat(RsaSigningProvider.choose(RsaSigningProvider.Mode.JDK).provider().getName()).isNotEqualTo(ACCP);
    }

    @Test
    void autoFallsBackToTheJdkAndSaysWhyWhenAccpCannotLoad() {
        RsaSigningProvider chosen = RsaSigningProvider.choose(RsaSigningProvider.Mode.AUTO,
                () -> Either.left("UnsatisfiedLinkError: no native library for darwin-aarch64"));

        assertThat(chosen.usesAccp()).isFalse();
        assertThat(chosen.provider().getName()).isEqualTo("SunRsaSign");
        assertThat(chosen.ecProvider().getName()).isEqualTo("SunEC");
        assertThat(chosen.description()).isEqualTo("JDK SunRsaSign and SunEC (ACCP unavailable: UnsatisfiedLinkError:"
                + " no native library for darwin-aarch64)");
    }

    @Test
    void descriptionNeverHoldsKeyMaterial() {
        RsaSigningProvider auto = RsaSigningProvider.choose(RsaSigningProvider.Mode.AUTO);
        auto.privateKey(TestKeys.PRIMARY);

        String privateExponent = TestKeys.PRIMARY.getPrivateExponent().toString();
        assertThat(auto.description()).doesNotContain(privateExponent).hasSizeLessThan(300);
        assertThat(auto.toString()).doesNotContain(privateExponent);
    }
}
