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
        assertThat(file.clients()).hasSize(2);
        BootstrapFile.ClientEntry client = file.clients().head();
        assertThat(client.client().id().value()).isEqualTo("walkthrough-app");
        assertThat(client.client().confidential()).isTrue();
        assertThat(client.client().mfaPolicy()).isEqualTo(MfaPolicy.ALWAYS);
        assertThat(client.client().grantTypes()).containsExactlyInAnyOrder(GrantType.PASSWORD, GrantType.PASSWORD_REALM,
                GrantType.MFA_OTP, GrantType.MFA_OOB, GrantType.MFA_RECOVERY_CODE, GrantType.REFRESH_TOKEN);
        assertThat(file.clients().last().client().grantTypes()).containsExactly(GrantType.CLIENT_CREDENTIALS);
        assertThat(file.clientGrants().map(BootstrapFile.GrantEntry::audience)).containsExactly("management");
        assertThat(file.clientGrants().head().scope()).contains("read:users", "update:client_keys");
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
    void readsPrivateKeyJwtCredentialsAndRefusesThemWithASecretOrAWeakKey() throws Exception {
        java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
        ec.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        String pem = pem(ec.generateKeyPair().getPublic());
        String methods = "\"client_authentication_methods\":{\"private_key_jwt\":{\"credentials\":[{\"name\":\"k\","
                + "\"credential_type\":\"public_key\",\"pem\":\"" + pem + "\",\"expires_at\":\"2030-01-01T00:00:00Z\"}]}}";

        BootstrapFile.ClientEntry client = parser.parse(file("{\"clients\":[{\"client_id\":\"backend\","
                + "\"grant_types\":[\"client_credentials\"],\"mfa_policy\":\"never\"," + methods + "}]}")).clients().get(0);

        assertThat(client.client().confidential()).isTrue();
        assertThat(client.secret()).isEmpty();
        assertThat(client.keys()).singleElement().satisfies(key -> {
            assertThat(key.algorithm().name()).isEqualTo("ES256");
            assertThat(key.id()).startsWith("cred_");
            assertThat(key.expiresAt()).contains(java.time.Instant.parse("2030-01-01T00:00:00Z"));
        });
        assertThatThrownBy(() -> parser.parse(file("{\"clients\":[{\"client_id\":\"backend\",\"client_secret\":\""
                + "kP9v2Qx7Lm4Rt8Zw1Bn6Yc3Hd5Fg0JsA\",\"grant_types\":[\"client_credentials\"],\"mfa_policy\":\"never\","
                + methods + "}]}")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("exclude each other");
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        assertThatThrownBy(() -> parser.parse(file("{\"clients\":[{\"client_id\":\"backend\","
                + "\"grant_types\":[\"client_credentials\"],\"mfa_policy\":\"never\",\"client_authentication_methods\":"
                + "{\"private_key_jwt\":{\"credentials\":[{\"pem\":\"" + pem(rsa.generateKeyPair().getPublic())
                + "\"}]}}}]}")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageEndingWith("clients[0].client_authentication_methods.private_key_jwt.credentials[0]:"
                        + " an RSA key must have 2048 to 8192 bits");
    }

    private static String pem(java.security.PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\\n" + java.util.Base64.getEncoder().encodeToString(key.getEncoded())
                + "\\n-----END PUBLIC KEY-----";
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
                "urn:ietf:params:oauth:grant-type:device_code");
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
    void readsResourceServersAndClientGrants() throws IOException {
        BootstrapFile file = parser.parse(file("""
                {"resource_servers": [{"identifier": "https://orders.example.com/", "name": "Orders",
                                       "scopes": [{"value": "read:orders", "description": "Read orders"}],
                                       "token_lifetime": 3600, "signing_alg": "RS256", "allow_offline_access": false}],
                 "client_grants": [{"client_id": "robot", "audience": "https://orders.example.com/",
                                    "scope": ["read:orders"]},
                                   {"client_id": "robot", "audience": "management", "scope": ["read:users"]}]}"""));

        BootstrapFile.ApiEntry api = file.resourceServers().head();
        assertThat(api.identifier()).isEqualTo("https://orders.example.com/");
        assertThat(api.scopes().map(io.twofold.mfa.model.ApiScope::value)).containsExactly("read:orders");
        assertThat(api.tokenLifetime().get().toSeconds()).isEqualTo(3600);
        assertThat(api.signingAlgorithm()).isEqualTo(io.twofold.mfa.model.SigningAlgorithm.RS256);
        assertThat(file.clientGrants().map(BootstrapFile.GrantEntry::audience))
                .containsExactly("https://orders.example.com/", "management");
    }

    @Test
    void anApiMayChooseES256AndSignsRS256WhenItNamesNone() throws IOException {
        BootstrapFile file = parser.parse(file("""
                {"resource_servers": [{"identifier": "https://es.example.com/", "signing_alg": "ES256"},
                                      {"identifier": "https://rs.example.com/"}]}"""));

        assertThat(file.resourceServers().map(BootstrapFile.ApiEntry::signingAlgorithm)).containsExactly(
                io.twofold.mfa.model.SigningAlgorithm.ES256, io.twofold.mfa.model.SigningAlgorithm.RS256);
    }

    @Test
    void refusesBadResourceServersAndClientGrants() throws IOException {
        assertThatThrownBy(() -> parser.parse(file("{\"resource_servers\":[{\"identifier\":\"urn:x\",\"signing_alg\":\"HS256\"}]}")))
                .hasMessageContaining("resource_servers[0].signing_alg must be RS256 or ES256");
        assertThatThrownBy(() -> parser.parse(file("{\"resource_servers\":[{\"identifier\":\"urn:x\",\"signing_alg\":\"none\"}]}")))
                .hasMessageContaining("resource_servers[0].signing_alg must be RS256 or ES256");
        assertThatThrownBy(() -> parser.parse(file("{\"resource_servers\":[{\"identifier\":\"urn:x\","
                + "\"scopes\":[{\"value\":\"two words\"}]}]}")))
                .hasMessageContaining("resource_servers[0].scopes[0].value must be one word");
        assertThatThrownBy(() -> parser.parse(file("{\"client_grants\":[{\"client_id\":\"a\",\"audience\":\"management\","
                + "\"scope\":[\"read:users\"]},{\"client_id\":\"a\",\"audience\":\"management\"}]}")))
                .hasMessageContaining("two client_grants have the same client_id and audience");
        assertThatThrownBy(() -> parser.parse(file("{\"client_grants\":[{\"client_id\":\"a\",\"audiance\":\"x\"}]}")))
                .hasMessageContaining("client_grants[0] has an unknown member 'audiance'");
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
