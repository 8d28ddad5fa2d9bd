package io.twofold.mfa.http.api;

import io.twofold.mfa.port.in.AssociateCommand;
import io.twofold.mfa.port.in.ChallengeCommand;
import io.twofold.mfa.port.in.PasswordLoginCommand;
import io.twofold.mfa.port.in.RequestOrigin;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The password grant, associate and challenge carry where they came from: the socket peer, and
 * {@code auth0-forwarded-for} as sent.
 */
class RequestOriginTest extends StubbedApiTest {

    private static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Test
    void passesTheSocketPeerAsTheClientIp() {
        http.postForm("/oauth/token", "grant_type=password&username=u&password=p&client_id=CID");

        PasswordLoginCommand command = ports.last();
        assertThat(command.clientIp()).hasSize(1);
        assertThat(isLoopback(command.clientIp().get())).as(command.clientIp().get()).isTrue();
        assertThat(command.forwardedFor()).isEqualTo(Option.none());
    }

    @Test
    void passesTheForwardedForHeaderBesideTheSocketPeerAndLeavesTrustToTheDomain() {
        http.postForm("/oauth/token", "grant_type=password&username=u&password=p&client_id=CID",
                "Auth0-Forwarded-For", " 203.0.113.9 ");

        PasswordLoginCommand command = ports.last();
        assertThat(command.forwardedFor()).isEqualTo(Option.some("203.0.113.9"));
        assertThat(isLoopback(command.clientIp().get())).isTrue();
        assertThat(command.toString()).doesNotContain("203.0.113.9");
    }

    @Test
    void passesWhereAnAssociateAndAChallengeCameFrom() {
        http.postJson("/mfa/associate", "{\"authenticator_types\":[\"otp\"]}", "Authorization", "Bearer MT1",
                "auth0-forwarded-for", "203.0.113.9");
        RequestOrigin associate = ports.<AssociateCommand>last().origin();

        http.postJson("/mfa/challenge", "{\"client_id\":\"CID\",\"client_secret\":\"CSECRET\",\"mfa_token\":\"MT3\"}");
        RequestOrigin challenge = ports.<ChallengeCommand>last().origin();

        assertThat(associate.forwardedFor()).isEqualTo(Option.some("203.0.113.9"));
        assertThat(isLoopback(associate.clientIp().get())).isTrue();
        assertThat(challenge.forwardedFor()).isEqualTo(Option.none());
        assertThat(isLoopback(challenge.clientIp().get())).isTrue();
    }
}
