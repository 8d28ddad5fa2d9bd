package io.twofold.mfa.app.e2e;

import com.auth0.client.auth.AuthAPI;
import com.auth0.client.auth.ClientAssertionSigner;
import com.auth0.client.auth.RSAClientAssertionSigner;
import com.auth0.exception.APIException;
import com.auth0.exception.Auth0Exception;
import com.auth0.json.auth.CreatedOtpResponse;
import com.auth0.json.auth.TokenHolder;
import com.auth0.net.Request;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.testing.MutableClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

import static io.twofold.mfa.app.e2e.E2eFixture.JANE;
import static io.twofold.mfa.app.e2e.E2eFixture.JANE_PASSWORD;
import static io.twofold.mfa.app.e2e.E2eFixture.MFA_OTP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Private Key JWT over a real socket (RFC 7523 section 2.2, Auth0's {@code client_assertion}): auth0-java
 * 2.26.0 built with a {@link ClientAssertionSigner} logs in through MFA and gets a machine token, with
 * RS256, PS256 and ES256 keys made at test time and registered in the bootstrap file (PEM and JWK);
 * replayed, mis-addressed, expired, unsigned, HMAC-signed and foreign assertions get 401 invalid_client.
 * The issuer is the app's own URL, which auth0-java puts in {@code aud}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractPrivateKeyJwtTest {
    static final String PK_APP = "pk-app";
    static final String PK_OTHER = "pk-other";
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final String INVALID_CLIENT = "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed.\"}";

    @TempDir
    static Path dir;

    private WebhookRecorder webhook;
    private TestDatabase database;
    MutableClock clock;
    RunningApp app;
    ApiClient api;
    String issuer;

    KeyPair rsa;
    KeyPair pss;
    KeyPair ec;
    KeyPair foreign;
    KeyPair unregistered;

    abstract TestDatabase database();

    @BeforeAll
    void startApp() throws Exception {
        rsa = generate("RSA", 2048);
        pss = generate("RSA", 3072);
        ec = generateEc();
        foreign = generate("RSA", 2048);
        unregistered = generate("RSA", 2048);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        issuer = "http://127.0.0.1:" + port + "/";
        webhook = new WebhookRecorder();
        database = database();
        clock = new MutableClock(Instant.now());
        Map<String, Object> properties = E2eFixture.properties(dir, webhook, database);
        properties.put("twofold.bootstrap-file", bootstrap().toString());
        properties.put("micronaut.server.port", port);
        properties.put("twofold.issuer", issuer);
        app = RunningApp.start(properties, clock);
        api = app.client();
    }

    /** auth0-java signs with the real clock: the app's starts each test there. */
    @BeforeEach
    void clockNow() {
        clock.set(Instant.now());
    }

    @AfterAll
    void stopApp() {
        if (app != null) {
            app.close();
        }
        webhook.close();
        database.close();
    }

    private Path bootstrap() throws IOException {
        RSAKey pssJwk = new RSAKey.Builder((RSAPublicKey) pss.getPublic()).build();
        String json = """
                {"clients": [{"client_id": "%s", "name": "Private key app", "mfa_policy": "always",
                              "grant_types": ["password", "%s", "client_credentials"],
                              "client_authentication_methods": {"private_key_jwt": {"credentials": [
                                  {"name": "rsa", "credential_type": "public_key", "pem": "%s", "alg": "RS256"},
                                  {"name": "pss", "credential_type": "public_key", "jwk": %s, "alg": "PS256"},
                                  {"name": "ec", "credential_type": "public_key", "pem": "%s"}]}}},
                             {"client_id": "%s", "mfa_policy": "never", "grant_types": ["password", "client_credentials"],
                              "client_authentication_methods": {"private_key_jwt": {"credentials": [
                                  {"name": "foreign", "pem": "%s"}]}}}],
                 "client_grants": [{"client_id": "%s", "audience": "management", "scope": ["read:users"]}],
                 "users": [{"username": "%s", "email": "%s", "password": "%s"}]}
                """.formatted(PK_APP, MFA_OTP, pem(rsa.getPublic()), pssJwk.toJSONString(), pem(ec.getPublic()),
                PK_OTHER, pem(foreign.getPublic()), PK_APP, JANE, JANE, JANE_PASSWORD);
        try {
            return Files.writeString(dir.resolve("pk-bootstrap.json"), json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void auth0JavaLogsInThroughMfaWithAnRs256Assertion() throws Auth0Exception {
        AuthAPI auth = AuthAPI.newBuilder(app.uri().toString(), PK_APP,
                new RSAClientAssertionSigner((RSAPrivateKey) rsa.getPrivate())).build();

        APIException required = failure(auth.login(JANE, JANE_PASSWORD.toCharArray()).setScope("openid"));
        assertThat(required.isMultifactorRequired()).as(required.toString()).isTrue();
        String mfaToken = (String) required.getValue("mfa_token");
        CreatedOtpResponse otp = auth.addOtpAuthenticator(mfaToken).execute().getBody();
        TokenHolder tokens = auth.exchangeMfaOtp(mfaToken,
                E2eFixture.totp(otp.getSecret(), clock.instant()).toCharArray()).execute().getBody();

        assertThat(tokens.getAccessToken()).isNotBlank();
        assertThat(tokens.getIdToken()).isNotBlank();
    }

    @Test
    void auth0JavaGetsAMachineTokenWithEachKeyType() throws Auth0Exception, JOSEException {
        for (ClientAssertionSigner signer : List.of(
                new RSAClientAssertionSigner((RSAPrivateKey) rsa.getPrivate()),
                signer(JWSAlgorithm.PS256, new RSASSASigner(pss.getPrivate())),
                signer(JWSAlgorithm.ES256, new ECDSASigner((ECPrivateKey) ec.getPrivate())))) {
            AuthAPI auth = AuthAPI.newBuilder(app.uri().toString(), PK_APP, signer).build();

            TokenHolder token = auth.requestToken(issuer + "api/v2/").execute().getBody();

            assertThat(token.getAccessToken()).isNotBlank();
            assertThat(token.getScope()).isEqualTo("read:users");
        }
    }

    @Test
    void anAssertionIsAcceptedOnceOnly() {
        String assertion = assertion(JWSAlgorithm.RS256, rsa, claims -> claims);

        ApiResponse first = machineToken(assertion);
        ApiResponse replay = machineToken(assertion);

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.body()).isEqualTo(INVALID_CLIENT);
    }

    @Test
    void ofRacingUsesOfOneAssertionExactlyOneSucceeds() throws Exception {
        String assertion = assertion(JWSAlgorithm.ES256, ec, claims -> claims);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> machineToken(assertion).status());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : pool.invokeAll(calls)) {
                statuses.add(future.get());
            }
            assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
            assertThat(statuses).filteredOn(status -> status == 401).hasSize(15);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void refusesAssertionsThatAreNotRightWithTheSameAnswer() throws Exception {
        Instant now = clock.instant();
        Map<String, String> refused = Map.of(
                "wrong audience", assertion(JWSAlgorithm.RS256, rsa, c -> c.audience("https://elsewhere.example/")),
                "expired", assertion(JWSAlgorithm.RS256, rsa, c -> c.expirationTime(Date.from(now.minusSeconds(60)))),
                "valid too long", assertion(JWSAlgorithm.RS256, rsa, c -> c.expirationTime(Date.from(now.plusSeconds(3600)))),
                "no jti", assertion(JWSAlgorithm.RS256, rsa, c -> c.jwtID(null)),
                "subject of another client", assertion(JWSAlgorithm.RS256, rsa, c -> c.subject(PK_OTHER)),
                "unregistered key", assertion(JWSAlgorithm.RS256, unregistered, c -> c),
                "the other client's key", assertion(JWSAlgorithm.RS256, foreign, c -> c),
                "RS256 by the PS256 key", assertion(JWSAlgorithm.RS256, pss, c -> c),
                "alg none", new PlainJWT(claims(c -> c)).serialize(),
                "HS256 keyed with the public key", hmac());

        refused.forEach((why, assertion) -> {
            ApiResponse response = machineToken(assertion);
            assertThat(response.status()).as(why).isEqualTo(401);
            assertThat(response.body()).as(why).isEqualTo(INVALID_CLIENT);
        });
    }

    @Test
    void aPrivateKeyClientCannotUseASecretAndAnAssertionNeedsItsType() {
        ApiResponse secret = api.postForm("oauth/token", Map.of("grant_type", "client_credentials", "client_id", PK_APP,
                "client_secret", "kP9v2Qx7Lm4Rt8Zw1Bn6Yc3Hd5Fg0JsA", "audience", issuer + "api/v2/"));
        ApiResponse untyped = api.postForm("oauth/token", Map.of("grant_type", "client_credentials",
                "client_assertion", assertion(JWSAlgorithm.RS256, rsa, c -> c), "audience", issuer + "api/v2/"));

        assertThat(secret.status()).isEqualTo(401);
        assertThat(secret.error()).isEqualTo("invalid_client");
        assertThat(untyped.status()).isEqualTo(400);
        assertThat(untyped.error()).isEqualTo("invalid_request");
    }

    @Test
    void theChallengeEndpointTakesAnAssertionToo() {
        ApiResponse login = api.postForm("oauth/token", Map.of("grant_type", "password", "username", JANE,
                "password", JANE_PASSWORD, "client_assertion_type", ASSERTION_TYPE,
                "client_assertion", assertion(JWSAlgorithm.ES256, ec, c -> c)));
        assertThat(login.error()).as(login.toString()).isEqualTo("mfa_required");

        ApiResponse challenge = api.postJson("mfa/challenge", Map.of("mfa_token", login.text("mfa_token"),
                "client_id", PK_APP, "client_assertion_type", ASSERTION_TYPE,
                "client_assertion", assertion(JWSAlgorithm.PS256, pss, c -> c)));
        ApiResponse secretChallenge = api.postJson("mfa/challenge", Map.of("mfa_token", login.text("mfa_token"),
                "client_id", PK_APP, "client_secret", "kP9v2Qx7Lm4Rt8Zw1Bn6Yc3Hd5Fg0JsA"));

        // Jane may have no factor yet: what matters is that the client got past authentication.
        assertThat(challenge.error()).as(challenge.toString()).isNotEqualTo("invalid_client");
        assertThat(challenge.status()).isNotEqualTo(401);
        assertThat(secretChallenge.status()).isEqualTo(401);
        assertThat(secretChallenge.error()).isEqualTo("invalid_client");
    }

    /** Auth0's credentials API by raw HTTP: register a key, switch the client to it, delete it, switch back. */
    @Test
    void anOperatorRegistersAKeyAndSwitchesAClientToPrivateKeyJwtAndBack() throws Exception {
        String bearer = "Bearer " + operatorToken("create:clients", "update:clients", "create:client_grants",
                "create:client_credentials", "read:client_credentials", "delete:client_credentials", "read:clients");
        ApiResponse created = api.postJson("api/v2/clients", Map.of("name", "made by ops", "app_type", "non_interactive",
                "grant_types", List.of("client_credentials")), "Authorization", bearer);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String client = created.text("client_id");
        String secret = created.text("client_secret");
        assertThat(api.postJson("api/v2/client-grants", Map.of("client_id", client, "audience", issuer + "api/v2/",
                "scope", List.of("read:users")), "Authorization", bearer).status()).isEqualTo(201);
        KeyPair key = generateEc();

        ApiResponse credential = api.postJson("api/v2/clients/" + client + "/credentials", Map.of(
                "credential_type", "public_key", "name", "ops key", "pem", pem(key.getPublic()).replace("\\n", "\n"),
                "alg", "ES256"), "Authorization", bearer);
        assertThat(credential.status()).as(credential.toString()).isEqualTo(201);
        assertThat(credential.text("id")).startsWith("cred_");
        assertThat(credential.text("alg")).isEqualTo("ES256");
        assertThat(credential.json().has("pem")).isFalse();
        String credentialId = credential.text("id");
        assertThat(machineToken(client, key, JWSAlgorithm.ES256).status()).as("not switched yet").isEqualTo(401);
        assertThat(secretToken(client, secret).status()).isEqualTo(200);

        ApiResponse switched = api.send("PATCH", "api/v2/clients/" + client, "application/json",
                ("{\"client_authentication_methods\":{\"private_key_jwt\":{\"credentials\":[{\"id\":\""
                        + credentialId + "\"}]}}}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Authorization", bearer);
        assertThat(switched.status()).as(switched.toString()).isEqualTo(200);
        assertThat(switched.json().at("/client_authentication_methods/private_key_jwt/credentials/0/id").asText())
                .isEqualTo(credentialId);
        assertThat(switched.json().has("token_endpoint_auth_method")).isFalse();
        assertThat(machineToken(client, key, JWSAlgorithm.ES256).status()).isEqualTo(200);
        assertThat(secretToken(client, secret).status()).as("the secret no longer works").isEqualTo(401);

        assertThat(api.get("api/v2/clients/" + client + "/credentials", bearer.substring(7)).json().size()).isEqualTo(1);
        assertThat(api.delete("api/v2/clients/" + client + "/credentials/" + credentialId, bearer.substring(7)).status())
                .isEqualTo(204);
        assertThat(machineToken(client, key, JWSAlgorithm.ES256).status()).as("a deleted key").isEqualTo(401);
        assertThat(api.get("api/v2/clients/" + client + "/credentials/" + credentialId, bearer.substring(7)).status())
                .isEqualTo(404);

        ApiResponse back = api.send("PATCH", "api/v2/clients/" + client, "application/json",
                "{\"token_endpoint_auth_method\":\"client_secret_post\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "Authorization", bearer);
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.text("client_secret")).isNotBlank().isNotEqualTo(secret);
        assertThat(secretToken(client, back.text("client_secret")).status()).isEqualTo(200);
    }

    @Test
    void theCredentialsApiRefusesKeysThatAreNotFit() throws Exception {
        String bearer = "Bearer " + operatorToken("create:client_credentials");
        Map<String, String> refused = Map.of(
                "RSA 1024", pem(generate("RSA", 1024).getPublic()),
                "not PEM", "ssh-rsa AAAAB3NzaC1yc2E",
                "private key", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----");
        refused.forEach((why, pem) -> {
            ApiResponse response = api.postJson("api/v2/clients/" + PK_OTHER + "/credentials", Map.of(
                    "credential_type", "public_key", "pem", pem.replace("\\n", "\n")), "Authorization", bearer);
            assertThat(response.status()).as(why).isEqualTo(400);
            assertThat(response.json().get("statusCode").asInt()).as(why).isEqualTo(400);
        });
        ApiResponse wrongAlg = api.postJson("api/v2/clients/" + PK_OTHER + "/credentials", Map.of(
                "credential_type", "public_key", "pem", pem(ec.getPublic()).replace("\\n", "\n"), "alg", "RS256"),
                "Authorization", bearer);
        assertThat(wrongAlg.status()).isEqualTo(400);
    }

    String operatorToken(String... scopes) {
        io.twofold.mfa.http.token.JwtTokenIssuer tokens = app.bean(io.twofold.mfa.http.token.JwtTokenIssuer.class);
        return tokens.machineToken(new io.twofold.mfa.model.ClientId("e2e-operator"),
                tokens.settings().managementApiAudience(), new io.twofold.mfa.model.Scope(io.vavr.collection.List.of(scopes)),
                java.time.Duration.ofHours(1));
    }

    ApiResponse secretToken(String client, String secret) {
        return api.postForm("oauth/token", Map.of("grant_type", "client_credentials", "client_id", client,
                "client_secret", secret, "audience", issuer + "api/v2/"));
    }

    ApiResponse machineToken(String client, KeyPair key, JWSAlgorithm alg) {
        try {
            Instant now = clock.instant();
            SignedJWT jwt = new SignedJWT(new JWSHeader(alg), new JWTClaimsSet.Builder().issuer(client).subject(client)
                    .audience(issuer + "oauth/token").issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                    .jwtID(UUID.randomUUID().toString()).build());
            jwt.sign(key.getPrivate() instanceof ECPrivateKey ecKey ? new ECDSASigner(ecKey) : new RSASSASigner(key.getPrivate()));
            return api.postForm("oauth/token", Map.of("grant_type", "client_credentials",
                    "client_assertion_type", ASSERTION_TYPE, "client_assertion", jwt.serialize(), "audience", issuer + "api/v2/"));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    ApiResponse machineToken(String assertion) {
        return api.postForm("oauth/token", Map.of("grant_type", "client_credentials", "client_id", PK_APP,
                "client_assertion_type", ASSERTION_TYPE, "client_assertion", assertion, "audience", issuer + "api/v2/"));
    }

    /** An assertion of pk-app as auth0-java makes it (3 minutes), changed by {@code change}. */
    String assertion(JWSAlgorithm alg, KeyPair key, UnaryOperator<JWTClaimsSet.Builder> change) {
        try {
            JWSSigner signer = key.getPrivate() instanceof ECPrivateKey ecKey ? new ECDSASigner(ecKey)
                    : new RSASSASigner(key.getPrivate());
            SignedJWT jwt = new SignedJWT(new JWSHeader(alg), claims(change));
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = clock.instant();
        return change.apply(new JWTClaimsSet.Builder().issuer(PK_APP).subject(PK_APP).audience(issuer)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(180)))
                .jwtID(UUID.randomUUID().toString())).build();
    }

    private String hmac() throws JOSEException {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims(c -> c));
        jwt.sign(new MACSigner(rsa.getPublic().getEncoded()));
        return jwt.serialize();
    }

    /** A signer for auth0-java's AuthAPI with an algorithm its own RSAClientAssertionSigner lacks. */
    private ClientAssertionSigner signer(JWSAlgorithm alg, JWSSigner signer) {
        return (iss, aud, sub) -> {
            try {
                Instant now = Instant.now();
                SignedJWT jwt = new SignedJWT(new JWSHeader(alg), new JWTClaimsSet.Builder().issuer(iss).subject(sub)
                        .audience(aud).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(60)))
                        .jwtID(UUID.randomUUID().toString()).build());
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\\n" + Base64.getEncoder().encodeToString(key.getEncoded())
                + "\\n-----END PUBLIC KEY-----";
    }

    private static KeyPair generate(String type, int bits) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    private static KeyPair generateEc() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec(Curve.P_256.getStdName()));
        return generator.generateKeyPair();
    }

    static APIException failure(Request<?> request) {
        try {
            Object body = request.execute().getBody();
            throw new AssertionError("expected an APIException, the request succeeded with " + body);
        } catch (APIException e) {
            return e;
        } catch (Auth0Exception e) {
            throw new AssertionError("expected an APIException, got " + e, e);
        }
    }
}
