package io.twofold.mfa.app.bootstrap;

import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.model.GrantType;
import io.twofold.mfa.model.RefreshTokenPolicy;
import io.vavr.control.Option;
import io.twofold.mfa.model.MfaPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BootstrapParserTest {
    private static final String SECRET = "a-client-secret-of-at-least-32-characters";
    private final BootstrapParser parser = new BootstrapParser("Username-Password-Authentication");

    @TempDir
    Path dir;

    private Path file(String json) throws IOException {
        return Files.writeString(dir.resolve("bootstrap.json"), json);
    }

    @Test
    void readsTheExampleFile() {
        BootstrapFile file = parser.parse(Path.of("..", "examples", "bootstrap.json"));

        assertThat(file.tenantName().get()).isEqualTo("Twofold Walkthrough");
        assertThat(file.clients()).hasSize(1);
        BootstrapFile.ClientEntry client = file.clients().head();
        assertThat(client.client().id().value()).isEqualTo("walkthrough-app");
        assertThat(client.client().confidential()).isTrue();
        assertThat(client.client().mfaPolicy()).isEqualTo(MfaPolicy.ALWAYS);
        assertThat(client.client().grantTypes()).containsExactlyInAnyOrder(GrantType.values());
        assertThat(file.users().map(BootstrapFile.UserEntry::username))
                .containsExactly("jane@example.com", "sam@example.com");
    }

    @Test
    void acceptsShortGrantNamesAndAPublicClientAndDefaultsTheRealm() throws IOException {
        BootstrapFile file = parser.parse(file("""
                {"clients":[{"client_id":"spa","grant_types":["password","mfa-otp"],"mfa_policy":"enrolled"}],
                 "users":[{"username":"pat","password":"long enough"}]}"""));

        assertThat(file.clients().head().client().confidential()).isFalse();
        assertThat(file.clients().head().client().grantTypes()).containsExactlyInAnyOrder(GrantType.PASSWORD, GrantType.MFA_OTP);
        assertThat(file.users().head().realm()).isEqualTo("Username-Password-Authentication");
        assertThat(file.users().head().email()).isEmpty();
        assertThat(file.tenantName()).isEmpty();
    }

    @Test
    void refusesAShortClientSecretWithoutEchoingIt() throws IOException {
        Path path = file("{\"clients\":[{\"client_id\":\"a\",\"client_secret\":\"tooShortSecret\","
                + "\"grant_types\":[\"password\"],\"mfa_policy\":\"always\"}]}");

        assertThatThrownBy(() -> parser.parse(path))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("MFA_BOOTSTRAP_FILE: clients[0].client_secret must be 32 to 512 characters long");
    }

    @Test
    void refusesBrokenJsonWithoutQuotingIt() throws IOException {
        Path path = file("{\"users\":[{\"username\":\"u\",\"password\":\"hunter2hunter2\" \"email\":1}]}");

        assertThatThrownBy(() -> parser.parse(path))
                .hasMessageContaining("is not valid JSON (line 1")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void keepsTheServedGrantTypesOfAnAuth0ExportAndSetsAsideTheOthers() throws IOException {
        BootstrapFile.ClientEntry client = parser.parse(file("{\"clients\":[{\"client_id\":\"exported\",\"client_secret\":\""
                + SECRET + "\",\"grant_types\":[\"authorization_code\",\"implicit\",\"refresh_token\",\"client_credentials\","
                + "\"password\",\"http://auth0.com/oauth/grant-type/password-realm\",\"http://auth0.com/oauth/grant-type/mfa-oob\","
                + "\"http://auth0.com/oauth/grant-type/mfa-otp\",\"http://auth0.com/oauth/grant-type/mfa-recovery-code\","
                + "\"urn:ietf:params:oauth:grant-type:device_code\"],\"mfa_policy\":\"always\"}]}")).clients().head();

        assertThat(client.client().grantTypes()).containsExactlyInAnyOrder(GrantType.values());
        assertThat(client.unservedGrantTypes()).containsExactly("authorization_code", "implicit",
                "client_credentials", "urn:ietf:params:oauth:grant-type:device_code");
        assertThat(client.client().refreshTokens()).isEqualTo(RefreshTokenPolicy.DEFAULT);
    }

    @Test
    void readsAuth0sRefreshTokenObject() throws IOException {
        BootstrapFile.ClientEntry exported = parser.parse(file("{\"clients\":[{\"client_id\":\"exported\","
                + "\"client_secret\":\"" + SECRET + "\",\"grant_types\":[\"password\",\"refresh_token\"],"
                + "\"mfa_policy\":\"always\",\"refresh_token\":{\"rotation_type\":\"non-rotating\","
                + "\"expiration_type\":\"non-expiring\",\"leeway\":0,\"token_lifetime\":2592000,"
                + "\"infinite_token_lifetime\":true,\"infinite_idle_token_lifetime\":true,"
                + "\"idle_token_lifetime\":1296000}}]}")).clients().head();
        BootstrapFile.ClientEntry rotating = parser.parse(file("{\"clients\":[{\"client_id\":\"spa\","
                + "\"grant_types\":[\"password\",\"refresh_token\"],\"mfa_policy\":\"never\",\"refresh_token\":"
                + "{\"rotation_type\":\"rotating\",\"expiration_type\":\"expiring\",\"token_lifetime\":3600,"
                + "\"idle_token_lifetime\":600}}]}")).clients().head();

        assertThat(exported.client().refreshTokens()).isEqualTo(new RefreshTokenPolicy(
                RefreshTokenPolicy.Rotation.NON_ROTATING, Option.none(), Option.none()));
        assertThat(rotating.client().refreshTokens()).isEqualTo(new RefreshTokenPolicy(
                RefreshTokenPolicy.Rotation.ROTATING, Option.some(Duration.ofHours(1)), Option.some(Duration.ofMinutes(10))));
        assertThatThrownBy(() -> parser.parse(file("{\"clients\":[{\"client_id\":\"a\",\"grant_types\":"
                + "[\"password\"],\"mfa_policy\":\"never\",\"refresh_token\":{\"rotation_type\":\"sometimes\"}}]}")))
                .hasMessageContaining("clients[0].refresh_token.rotation_type must be rotating or non-rotating");
    }

    @Test
    void namesTheMemberAtFault() throws IOException {
        assertThatThrownBy(() -> parser.parse(file("{\"clients\":[{\"client_id\":\"a\",\"client_secret\":\"" + SECRET
                + "\",\"grant_types\":[\"implicits\"],\"mfa_policy\":\"always\"}]}")))
                .hasMessageStartingWith("MFA_BOOTSTRAP_FILE: clients[0].grant_types has an unknown grant type");
        assertThatThrownBy(() -> parser.parse(file("{\"clients\":[{\"client_id\":\"a\",\"grant_types\":[\"password\"],"
                + "\"mfa_policy\":\"sometimes\"}]}")))
                .hasMessageStartingWith("MFA_BOOTSTRAP_FILE: clients[0].mfa_policy must be one of");
        assertThatThrownBy(() -> parser.parse(file("{\"users\":[{\"username\":\"u\",\"pasword\":\"x\"}]}")))
                .hasMessage("MFA_BOOTSTRAP_FILE: users[0] has an unknown member 'pasword'");
        assertThatThrownBy(() -> parser.parse(file("{\"users\":[{\"username\":\"u\",\"password\":\"short\"}]}")))
                .hasMessage("MFA_BOOTSTRAP_FILE: users[0].password must be 8 to 1024 characters long");
        assertThatThrownBy(() -> parser.parse(file("{\"users\":[{\"username\":\"u\",\"password\":\"long enough\","
                + "\"email\":\"not-an-email\"}]}")))
                .hasMessage("MFA_BOOTSTRAP_FILE: users[0].email is not a valid email address");
    }

    @Test
    void refusesDuplicatesAndMissingFiles() throws IOException {
        assertThatThrownBy(() -> parser.parse(file("{\"users\":[{\"username\":\"u\",\"password\":\"long enough\"},"
                + "{\"username\":\"u\",\"password\":\"long enough\"}]}")))
                .hasMessage("MFA_BOOTSTRAP_FILE: two users have the same realm and username");
        assertThatThrownBy(() -> parser.parse(dir.resolve("absent.json")))
                .hasMessageEndingWith("is not a readable file");
        assertThatThrownBy(() -> parser.parse(file("[]")))
                .hasMessageEndingWith("must hold a JSON object");
    }
}
