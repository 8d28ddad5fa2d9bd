package io.twofold.mfa.model;

import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LogTypesTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");
    private static final Pattern RECORDED = Pattern.compile("(?:record|event)\\(\\s*\"([a-z_]+(?:\\.[a-z_]+)+)\"");
    private static final String TOTP = "totp|dev_ABCDEFGHIJKLMNOP";
    private static final String SMS = "sms|dev_ABCDEFGHIJKLMNOP";
    private static final String VOICE = "voice|dev_ABCDEFGHIJKLMNOP";
    private static final String EMAIL = "email|dev_ABCDEFGHIJKLMNOP";
    private static final String RECOVERY = "recovery-code|dev_ABCDEFGHIJKLMNOP";

    /** Every event type recorded anywhere in the domain's sources, found by reading them. */
    private static List<String> recordedTypes() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return List.ofAll(files.filter(f -> f.toString().endsWith(".java")).toList())
                    .flatMap(LogTypesTest::typesIn).distinct();
        }
    }

    private static List<String> typesIn(Path file) {
        try {
            Matcher m = RECORDED.matcher(Files.readString(file));
            List<String> found = List.empty();
            while (m.find()) {
                found = found.append(m.group(1));
            }
            return found;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AuditEvent event(String type, String... keyValues) {
        LinkedHashMap<String, String> details = LinkedHashMap.empty();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            details = details.put(keyValues[i], keyValues[i + 1]);
        }
        return new AuditEvent(T0, type, Option.none(), Option.none(), details);
    }

    @Test
    void everyTypeRecordedInTheDomainHasACodeAndADescription() throws IOException {
        List<String> recorded = recordedTypes();

        assertThat(recorded).contains("login.success", "mfa.success", "mfa.verified", "mfa.failure", "enrollment.started",
                "mgmt.guardian_factor.updated");
        recorded.forEach(type -> {
            assertThat(LogTypes.knows(type)).as(type).isTrue();
            String code = LogTypes.codeOrType(event(type));
            assertThat(LogTypes.description(code, event(type))).as(type).isNotEqualTo(code);
        });
    }

    @Test
    void everyEntryOfTheTableIsRecordedSomewhereOrComesFromAnotherPart() throws IOException {
        // login.refused is recorded by the user use cases; the machine-token events through constants.
        assertThat(recordedTypes().appendAll(List.of("login.refused", "token.client_credentials.success",
                "token.client_credentials.failure")))
                .containsAll(LogTypes.eventTypes());
    }

    @Test
    void mapsLoginsAndGrantsByTheirOutcome() {
        assertThat(LogTypes.of(event("login.success", "grant", "password"))).contains("sepft");
        assertThat(LogTypes.of(event("login.failure"))).contains("fp");
        assertThat(LogTypes.of(event("login.blocked"))).contains("limit_wc");
        assertThat(LogTypes.of(event("login.mfa_required"))).contains("mfar");
        assertThat(LogTypes.of(event("mfa.success", "authenticator", TOTP))).contains("seotpft");
        assertThat(LogTypes.of(event("mfa.success", "authenticator", SMS))).contains("seoobft");
        assertThat(LogTypes.of(event("mfa.success", "authenticator", RECOVERY))).contains("sercft");
        assertThat(LogTypes.of(event("mfa.refused", "grant", GrantType.MFA_OTP.wireName()))).contains("feotpft");
        assertThat(LogTypes.of(event("mfa.refused", "grant", GrantType.MFA_OOB.wireName()))).contains("feoobft");
        assertThat(LogTypes.of(event("mfa.refused", "grant", GrantType.MFA_RECOVERY_CODE.wireName()))).contains("fercft");
        assertThat(LogTypes.of(event("token.client_credentials.success"))).contains("seccft");
        assertThat(LogTypes.of(event("token.client_credentials.failure", "reason", "NoClientGrant"))).contains("feccft");
    }

    @Test
    void mapsSecondFactorEventsToGuardianCodes() {
        assertThat(LogTypes.of(event("mfa.verified", "authenticator", EMAIL))).contains("gd_auth_succeed");
        assertThat(LogTypes.of(event("mfa.verified", "authenticator", RECOVERY))).contains("gd_recovery_succeed");
        assertThat(LogTypes.of(event("mfa.failure", "factor", "otp"))).contains("gd_auth_failed");
        assertThat(LogTypes.of(event("mfa.failure", "factor", "recovery-code"))).contains("gd_recovery_failed");
        assertThat(LogTypes.of(event("mfa.lockout", "factor", "otp"))).contains("gd_otp_rate_limit_exceed");
        assertThat(LogTypes.of(event("mfa.challenge", "authenticator", TOTP, "outcome", "otp"))).contains("gd_start_auth");
        assertThat(LogTypes.of(event("mfa.challenge", "authenticator", VOICE, "outcome", "sent"))).contains("gd_send_voice");
        assertThat(LogTypes.of(event("mfa.challenge", "authenticator", EMAIL, "outcome", "sent"))).contains("gd_send_email");
        assertThat(LogTypes.of(event("mfa.challenge", "authenticator", SMS, "outcome", "refused:DeliveryFailed")))
                .contains("gd_send_sms_failure");
        assertThat(LogTypes.of(event("enrollment.delivery_failed", "authenticator", EMAIL))).contains("gd_send_email_failure");
        assertThat(LogTypes.of(event("enrollment.started"))).contains("gd_start_enroll");
        assertThat(LogTypes.of(event("authenticator.confirmed"))).contains("gd_enrollment_complete");
        assertThat(LogTypes.of(event("authenticator.deleted"))).contains("gd_unenroll");
    }

    @Test
    void everyManagementWriteIsSapiWithADescriptionFromItsName() {
        AuditEvent created = event("mgmt.user.created");
        AuditEvent rotated = event("mgmt.client.secret_rotated");
        AuditEvent deleted = event("mgmt.authentication_method.deleted");

        assertThat(LogTypes.of(created)).contains("sapi");
        assertThat(LogTypes.description("sapi", created)).isEqualTo("Create a User");
        assertThat(LogTypes.description("sapi", rotated)).isEqualTo("Rotate secret of a Client");
        assertThat(LogTypes.description("sapi", deleted)).isEqualTo("Delete an Authentication Method");
        assertThat(LogTypes.description("sapi", event("mgmt.user.password_changed"))).isEqualTo("Change password of a User");
        assertThat(LogTypes.description("sapi", event("mgmt.guardian_factor.updated"))).isEqualTo("Update a Guardian Factor");
        assertThat(LogTypes.of(event("mgmt.user.created", "outcome", "failure"))).contains("fapi");
        // An operator's removal of a factor is the factor's unenrollment, as a user's own removal is.
        assertThat(LogTypes.of(deleted)).contains("gd_unenroll");
    }

    @Test
    void anUnknownTypeHasNoCodeAndShowsAsItself() {
        assertThat(LogTypes.of(event("something.new"))).isEmpty();
        assertThat(LogTypes.codeOrType(event("something.new"))).isEqualTo("something.new");
    }
}
