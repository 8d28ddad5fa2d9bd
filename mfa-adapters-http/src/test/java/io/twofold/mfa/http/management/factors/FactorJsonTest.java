package io.twofold.mfa.http.management.factors;

import io.twofold.mfa.model.AuthenticatorId;
import io.twofold.mfa.model.AuthenticatorKind;
import io.twofold.mfa.model.FactorType;
import io.twofold.mfa.model.ManagedFactor;
import io.twofold.mfa.model.UserId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FactorJsonTest {
    static final String DEVICE = "dev_kXVq4drj3Mw6uCF5";
    static final Instant CREATED = Instant.parse("2023-03-10T16:25:52.099Z");

    @Test
    void masksAsAuth0Does() {
        assertThat(FactorJson.maskPhone("+44207183875044")).isEqualTo("XXXXXXXXXXX5044");
        assertThat(FactorJson.maskEmail("chuck334@example.com")).isEqualTo("chuc****@exam*******");
        assertThat(FactorJson.maskEmail("foo@example.com")).isEqualTo("****@exam*******");
        assertThat(FactorJson.maskEmail("a@b.io")).isEqualTo("****@b.**");
    }

    @Test
    void writesAPhoneWithItsChannelsAsRecorded() {
        ManagedFactor phone = new ManagedFactor(new UserId("auth0|jane"), FactorType.PHONE, DEVICE, true,
                List.of(new AuthenticatorId(AuthenticatorKind.SMS, DEVICE)), Option.some("+44207183875044"),
                Option.some("MyPhone"), CREATED, Option.some(CREATED), Option.none());

        Map<String, Object> read = FactorJson.method(phone, FactorJson.Shown.read(false));

        assertThat(read).containsEntry("id", "phone|" + DEVICE).containsEntry("type", "phone")
                .containsEntry("confirmed", true).containsEntry("name", "MyPhone")
                .containsEntry("phone_number", "XXXXXXXXXXX5044").containsEntry("preferred_authentication_method", "sms")
                .containsEntry("created_at", "2023-03-10T16:25:52.099Z").doesNotContainKey("last_auth_at");
        assertThat(read.get("authentication_methods").toString()).isEqualTo("[{id=sms|" + DEVICE + ", type=sms}]");
        assertThat(FactorJson.method(phone, FactorJson.Shown.WRITTEN))
                .containsEntry("phone_number", "+44207183875044").doesNotContainKey("confirmed");
    }

    @Test
    void writesALegacyEnrollmentWithItsBareId() {
        ManagedFactor totp = new ManagedFactor(new UserId("auth0|jane"), FactorType.OTP, DEVICE, false,
                List.of(new AuthenticatorId(AuthenticatorKind.TOTP, DEVICE)), Option.none(), Option.none(), CREATED,
                Option.none(), Option.none());

        assertThat(FactorJson.enrollment(totp, false)).containsEntry("id", DEVICE).containsEntry("status", "pending")
                .containsEntry("type", "authenticator").containsEntry("auth_method", "authenticator")
                .containsEntry("enrolled_at", "2023-03-10T16:25:52.099Z").containsEntry("last_auth", "");
    }
}
