package io.twofold.mfa.app.e2e;

import io.twofold.mfa.app.imports.ImportFormat;
import io.twofold.mfa.app.imports.ImportListener;
import io.twofold.mfa.app.imports.ImportRequest;
import io.twofold.mfa.app.imports.ImportSummary;
import io.twofold.mfa.app.imports.UserImporter;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.vavr.control.Either;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imported users log in over the real socket with no enrollment step: their imported password (bcrypt
 * from htpasswd, Keycloak's own argon2 and PBKDF2) and a TOTP code made by {@code oathtool} from the
 * seed their app holds, with each Keycloak policy's algorithm, digits and period; the first login
 * with a factor hands out a recovery code. Subclasses pick the database.
 */
abstract class AbstractImportedUsersLoginTest extends AbstractAppTest {
    /** htpasswd -B (mfa-adapters-jdbc hashes/make-hashes.sh). */
    static final String BCRYPT = "$2b$10$sMurq8/BPg0C8sYIINTlneggxkRVzmE0vCFW2KFiXAabilFbtUlke";
    static final String BCRYPT_PASSWORD = "bcrypt-Pw-1";
    static final String SEED = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

    ImportSummary importFile(InputStream file, ImportFormat format) {
        Either<?, ImportSummary> result = UserImporter.on(app.bean(JdbcStorage.class))
                .run(file, new ImportRequest(format, "Username-Password-Authentication", false), ImportListener.NONE);
        return result.get();
    }

    ApiResponse passwordLogin(String username, String password) {
        return api.postForm("oauth/token", new HashMap<>(Map.of("grant_type", PASSWORD, "username", username,
                "password", password, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET)));
    }

    ApiResponse otpLogin(String mfaToken, String otp) {
        return api.postForm("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken, "otp", otp,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }

    /** The code {@code oathtool} makes at the app's clock: an implementation that is not ours. */
    static String oathtool(String base32, String algorithm, int digits, int period, Instant at) throws IOException,
            InterruptedException {
        Assumptions.assumeTrue(onPath("oathtool"), "oathtool is not installed (apt-get install oathtool): test skipped");
        List<String> command = new ArrayList<>(List.of("oathtool", "--totp=" + algorithm, "--base32",
                "--digits=" + digits, "--time-step-size=" + period + "s",
                "--now=" + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(at),
                base32));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(out).isZero();
        return out;
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    @Test
    void anImportedTotpUserLogsInWithOathtoolAndGetsARecoveryCodeOnce() throws Exception {
        String file = """
                [{"email": "imported@example.com", "username": "imported", "password_hash": "%s",
                  "mfa_factors": [{"totp": {"secret": "%s"}}]}]""".formatted(BCRYPT, SEED);
        assertThat(importFile(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), ImportFormat.AUTH0))
                .isEqualTo(new ImportSummary(1, 0, 0, 1));

        ApiResponse password = passwordLogin("imported@example.com", BCRYPT_PASSWORD);
        assertThat(password.error()).as(password.toString()).isEqualTo("mfa_required");
        assertThat(password.json().path("mfa_requirements").path("challenge").toString()).contains("otp");
        ApiResponse first = otpLogin(password.text("mfa_token"), oathtool(SEED, "sha1", 6, 30, clock.instant()));
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.text("access_token")).isNotEmpty();
        String recoveryCode = first.text("recovery_code");
        assertThat(recoveryCode).matches("[A-Z0-9]{24}");

        clock.advance(Duration.ofSeconds(30));
        ApiResponse second = otpLogin(mfaToken("imported", BCRYPT_PASSWORD), oathtool(SEED, "sha1", 6, 30, clock.instant()));
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().has("recovery_code")).as("shown once").isFalse();

        ApiResponse recovered = api.postForm("oauth/token", Map.of("grant_type", MFA_RECOVERY_CODE,
                "mfa_token", mfaToken("imported", BCRYPT_PASSWORD), "recovery_code", recoveryCode,
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(recovered.status()).as(recovered.toString()).isEqualTo(200);
    }

    @Test
    void everyKeycloakFixtureUserLogsInWithTheirPasswordAndTheirAppsCodes() throws Exception {
        try (InputStream export = resource("keycloak-26.5.6-realm-export.json")) {
            assertThat(importFile(export, ImportFormat.KEYCLOAK)).isEqualTo(new ImportSummary(17, 0, 0, 17));
        }
        clock.advance(Duration.ofMinutes(2));
        for (String[] user : csv()) {
            String username = user[0];
            assertThat(passwordLogin(username, user[2] + "-wrong").error()).as(username).isEqualTo("invalid_grant");
            String mfaToken = mfaToken(username, user[2]);
            if (user[4].isEmpty()) {
                continue;
            }
            String algorithm = user[5].substring("Hmac".length()).toLowerCase(java.util.Locale.ROOT);
            int digits = Integer.parseInt(user[6]);
            int period = Integer.parseInt(user[7]);
            ApiResponse wrongPolicy = otpLogin(mfaToken, oathtool(user[4], "sha1", digits == 6 ? 8 : 6, 30, clock.instant()));
            assertThat(wrongPolicy.status()).as(username + " " + wrongPolicy).isEqualTo(403);
            ApiResponse verified = otpLogin(mfaToken, oathtool(user[4], algorithm, digits, period, clock.instant()));
            assertThat(verified.status()).as(username + " " + verified).isEqualTo(200);
            assertThat(verified.text("recovery_code")).as(username).isNotEmpty();
        }
    }

    String mfaToken(String username, String password) {
        ApiResponse response = passwordLogin(username, password);
        assertThat(response.error()).as(username + " " + response).isEqualTo("mfa_required");
        return response.text("mfa_token");
    }

    static InputStream resource(String name) {
        return Objects.requireNonNull(AbstractImportedUsersLoginTest.class.getResourceAsStream("/keycloak/" + name), name);
    }

    static List<String[]> csv() throws IOException {
        try (InputStream in = resource("keycloak-26.5.6-realm-export.users.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).filter(l -> !l.isBlank())
                    .map(l -> l.split(",", -1)).toList();
        }
    }
}
