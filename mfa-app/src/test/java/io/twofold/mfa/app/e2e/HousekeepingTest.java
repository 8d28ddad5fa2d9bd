package io.twofold.mfa.app.e2e;

import io.twofold.mfa.app.housekeeping.HousekeepingJob;
import io.twofold.mfa.port.in.PurgeExpired;
import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static io.twofold.mfa.app.e2e.E2eFixture.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real wiring purges on the embedded H2 default: an expired {@code mfa_token} still answers
 * "expired" during the grace period, and is unknown once the job has run after it. The job is
 * called directly rather than waited for on its schedule.
 */
class HousekeepingTest {
    private static final Duration MFA_TOKEN_LIFETIME = Duration.ofMinutes(10);
    private static final Duration GRACE = Duration.ofHours(1);

    @TempDir
    Path dir;

    @Test
    void removesAnExpiredMfaTransactionAfterTheGracePeriod() {
        MutableClock clock = E2eFixture.clock();
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp app = RunningApp.start(E2eFixture.properties(dir, webhook), clock)) {
            ApiClient api = app.client();
            ApiResponse login = api.postForm("oauth/token", Map.of("grant_type", PASSWORD, "username", JANE,
                    "password", JANE_PASSWORD, "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
            assertThat(login.error()).as(login.toString()).isEqualTo("mfa_required");
            String mfaToken = login.text("mfa_token");

            clock.advance(MFA_TOKEN_LIFETIME);
            app.bean(HousekeepingJob.class).run();
            assertThat(otpGrant(api, mfaToken).errorDescription()).isEqualTo("mfa_token is expired");

            clock.advance(GRACE.plusSeconds(1));
            app.bean(HousekeepingJob.class).run();
            assertThat(otpGrant(api, mfaToken).errorDescription()).isEqualTo("Malformed mfa_token");
            assertThat(app.bean(PurgeExpired.class).purge().total()).as("nothing left to remove").isZero();
        }
    }

    private static ApiResponse otpGrant(ApiClient api, String mfaToken) {
        return api.postForm("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken, "otp", "123456",
                "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
    }
}
