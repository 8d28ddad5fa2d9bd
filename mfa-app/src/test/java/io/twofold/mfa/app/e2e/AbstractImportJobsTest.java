package io.twofold.mfa.app.e2e;

import com.auth0.client.auth.AuthAPI;
import com.auth0.client.mgmt.ManagementAPI;
import com.auth0.client.mgmt.filter.UsersImportOptions;
import com.auth0.json.auth.TokenHolder;
import com.auth0.json.mgmt.jobs.Job;
import com.auth0.json.mgmt.jobs.JobErrorDetails;
import com.fasterxml.jackson.databind.JsonNode;
import io.twofold.mfa.app.jobs.AbandonedImportJobs;
import io.twofold.mfa.model.Connections;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_ID;
import static io.twofold.mfa.app.e2e.E2eFixture.CLIENT_SECRET;
import static io.twofold.mfa.app.e2e.E2eFixture.MFA_OTP;
import static io.twofold.mfa.app.e2e.E2eFixture.totp;
import static io.twofold.mfa.app.e2e.ManagementCalls.assertInsufficientScope;
import static io.twofold.mfa.app.e2e.ManagementCalls.assertManagementError;
import static io.twofold.mfa.app.e2e.ManagementCalls.mfaToken;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Auth0's bulk import on the wire (spec 7): jobs started through auth0-java and by hand-made multipart
 * requests, followed from this node and another, their users logging in, and every bad input refused
 * in the Management API's error shape.
 */
abstract class AbstractImportJobsTest extends AbstractAppTest {
    private static final String CONNECTION = Connections.DEFAULT;
    /** {@code htpasswd -bnBC 10 "" 'imported passphrase one'}, its $2y$ prefix written as the equivalent $2b$. */
    private static final String BCRYPT_HASH = "$2b$10$VqCvBtld0xiD2WtcPkzbie.vXCjl5Pb1H8N2EOpr5vOM8zw03eBiu";
    private static final String BCRYPT_PASSWORD = "imported passphrase one";
    private static final String SEED = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    private static final AtomicInteger USERS = new AtomicInteger();

    private String base() {
        return app.uri().toString().replaceAll("/$", "");
    }

    private String uniqueEmail(String name) {
        return name + "-" + USERS.incrementAndGet() + "-" + getClass().getSimpleName().toLowerCase() + "@example.com";
    }

    private static String user(String email, String extra) {
        return "{\"email\":\"" + email + "\",\"email_verified\":true,\"password_hash\":\"" + BCRYPT_HASH + "\"" + extra + "}";
    }

    private ApiResponse importFile(String query, Multipart form, String... scopes) {
        return api.send("POST", "api/v2/jobs/users-imports" + query, Multipart.CONTENT_TYPE, form.bytes(),
                "Authorization", "Bearer " + managementToken(scopes.length == 0 ? new String[] {"create:users"} : scopes));
    }

    private ApiResponse waitForEnd(String jobId) throws InterruptedException {
        String token = managementToken("read:users");
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            ApiResponse job = api.get("api/v2/jobs/" + jobId, token);
            assertThat(job.status()).as(job.toString()).isEqualTo(200);
            String status = job.text("status");
            if (status.equals("completed") || status.equals("failed") || Instant.now().isAfter(deadline)) {
                return job;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void importsThroughAuth0sJavaSdkAndTheImportedUserLogsInWithTheirPasswordAndTheirApp() throws Exception {
        OperatorClient registered = OperatorClient.register(api, managementToken("create:clients", "create:client_grants"),
                "Import operator");
        TokenHolder token = AuthAPI.newBuilder(base(), registered.clientId(), registered.clientSecret()).build()
                .requestToken(RunningApp.ISSUER + "api/v2/").execute().getBody();
        ManagementAPI mgmt = ManagementAPI.newBuilder(base(), token.getAccessToken()).build();
        String email = uniqueEmail("sdk");
        Path file = Files.writeString(dir.resolve("sdk-users-" + getClass().getSimpleName() + ".json"), "["
                + user(email, ",\"mfa_factors\":[{\"totp\":{\"secret\":\"" + SEED + "\"}}]") + ","
                + user(email, "") + "]");

        Job started = mgmt.jobs().importUsers(Connections.idOf(CONNECTION), file.toFile(),
                new UsersImportOptions().withUpsert(false).withSendCompletionEmail(true).withExternalId("batch-1"))
                .execute().getBody();

        assertThat(started.getId()).matches("job_[A-Za-z0-9]{16}");
        assertThat(started.getType()).isEqualTo("users_import");
        assertThat(started.getStatus()).isIn("pending", "processing", "completed");
        assertThat(started.getConnection()).isEqualTo(CONNECTION);
        assertThat(started.getConnectionId()).isEqualTo(Connections.idOf(CONNECTION));
        assertThat(started.getExternalId()).isEqualTo("batch-1");
        assertThat(started.getCreatedAt()).isNotNull();
        waitForEnd(started.getId());
        Job done = mgmt.jobs().get(started.getId()).execute().getBody();
        assertThat(done.getStatus()).isEqualTo("completed");
        assertThat(done.getSummary().getInserted()).isEqualTo(1);
        assertThat(done.getSummary().getFailed()).isEqualTo(1);
        assertThat(done.getSummary().getUpdated()).isZero();
        assertThat(done.getSummary().getTotal()).isEqualTo(2);
        List<JobErrorDetails> errors = mgmt.jobs().getErrorDetails(started.getId()).execute().getBody();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).getUser().getEmail()).isEqualTo(email);
        assertThat(errors.get(0).getErrors()).extracting(e -> e.getCode()).containsExactly("DUPLICATED_USER");

        String mfaToken = mfaToken(api, email, BCRYPT_PASSWORD);
        ApiResponse tokens = api.postJson("oauth/token", Map.of("grant_type", MFA_OTP, "mfa_token", mfaToken,
                "otp", totp(SEED, clock.instant()), "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET));
        assertThat(tokens.status()).as(tokens.toString()).isEqualTo(200);
        assertThat(tokens.text("access_token")).isNotBlank();
    }

    @Test
    void waitTrueAnswersTheFinishedJobAndTakesAUsersPartWithoutFilenameOrContentType() throws Exception {
        String email = uniqueEmail("waited");
        ApiResponse job = importFile("?wait=true", new Multipart()
                .file("users", null, null, ("[" + user(email, "") + "]").getBytes(StandardCharsets.UTF_8))
                .field("connection_id", CONNECTION)
                .field("upsert", "false")
                .field("external_id", "")
                .field("send_completion_email", "false"));

        assertThat(job.status()).as(job.toString()).isEqualTo(200);
        assertThat(job.contentType()).contains("application/json; charset=utf-8");
        assertThat(job.text("status")).isEqualTo("completed");
        assertThat(job.json().has("external_id")).as("an empty external_id is absent").isFalse();
        assertThat(job.json().path("summary").path("inserted").asInt()).isEqualTo(1);
        assertThat(api.get("api/v2/jobs/" + job.text("id") + "/errors", managementToken("create:users")).status())
                .as("no error lines: 204").isEqualTo(204);
        assertThat(ManagementCalls.passwordLogin(api, email, BCRYPT_PASSWORD).status()).isIn(200, 403);
        assertThat(ManagementCalls.passwordLogin(api, email, "not the passphrase").error()).isEqualTo("invalid_grant");
    }

    @Test
    void aFileFarLargerThanTheInMemoryBodyLimitIsStreamedNotRefused() throws Exception {
        // 30 users of ~10 KiB each: some 300 KiB, against the 64 KiB a JSON body may hold in memory. Read
        // late, such a body piled up in the server's buffer and was refused 413 (first uploads after a start).
        String note = ",\"user_metadata\":{\"note\":\"" + "n".repeat(10_000) + "\"}";
        StringBuilder users = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            users.append(i == 0 ? "" : ",").append(user(uniqueEmail("bulk" + i), note));
        }
        byte[] file = users.append("]").toString().getBytes(StandardCharsets.UTF_8);
        assertThat(file.length).isGreaterThan(300_000);

        ApiResponse job = importFile("?wait=true", new Multipart().file("users", "users.json", "application/json", file)
                .field("connection_id", CONNECTION));

        assertThat(job.status()).as(job.toString()).isEqualTo(200);
        assertThat(job.json().path("summary").path("inserted").asInt()).as(job.toString()).isEqualTo(30);
    }

    @Test
    void upsertUpdatesAUserThatExists() throws Exception {
        String email = uniqueEmail("upserted");
        Multipart first = new Multipart().file("users", "users.json", "text/json",
                ("[" + user(email, ",\"given_name\":\"Ann\"") + "]").getBytes(StandardCharsets.UTF_8))
                .field("connection_id", CONNECTION);
        assertThat(importFile("?wait=true", first).json().path("summary").path("inserted").asInt()).isEqualTo(1);

        ApiResponse again = importFile("?wait=true", new Multipart().file("users", "users.json", "text/json",
                        ("[" + user(email, ",\"given_name\":\"Anne\"") + "]").getBytes(StandardCharsets.UTF_8))
                .field("connection_id", CONNECTION).field("upsert", "true"));

        assertThat(again.json().path("summary").path("updated").asInt()).as(again.toString()).isEqualTo(1);
        assertThat(again.json().path("summary").path("failed").asInt()).isZero();
    }

    @Test
    void aFileThatIsNotJsonFailsTheJobAndSaysWhy() throws Exception {
        Multipart form = new Multipart().file("users", "users.json", "application/json",
                "[{\"email\": oops".getBytes(StandardCharsets.UTF_8)).field("connection_id", CONNECTION);

        ApiResponse waited = importFile("?wait=true", form);
        ApiResponse queued = importFile("", form);

        assertThat(waited.status()).as(waited.toString()).isEqualTo(200);
        assertThat(waited.text("status")).isIn("failed", "completed");
        assertThat(queued.status()).as(queued.toString()).isEqualTo(202);
        ApiResponse ended = waitForEnd(queued.text("id"));
        assertThat(ended.text("status")).isEqualTo(waited.text("status"));
        if (waited.text("status").equals("failed")) {
            assertThat(waited.text("status_details")).isNotBlank().doesNotContain("oops");
        } else {
            // The engine reports a file that breaks off as one more refused user, with its error line.
            assertThat(waited.json().path("summary").path("failed").asInt()).isEqualTo(1);
            JsonNode lines = api.get("api/v2/jobs/" + waited.text("id") + "/errors", managementToken("create:users")).json();
            assertThat(lines.get(0).path("errors").get(0).path("code").asText()).isNotBlank();
        }
        ApiResponse notAnArray = importFile("?wait=true", new Multipart().file("users", "u.json", null,
                "{\"users\": []}".getBytes(StandardCharsets.UTF_8)).field("connection_id", CONNECTION));
        assertThat(notAnArray.text("status")).isEqualTo("failed");
        assertThat(notAnArray.text("status_details")).isNotBlank();
    }

    @Test
    void badInputsAreRefusedInTheManagementShape() throws Exception {
        byte[] users = "[]".getBytes(StandardCharsets.UTF_8);
        String token = managementToken("create:users");

        ApiResponse json = api.send("POST", "api/v2/jobs/users-imports", "application/json",
                "{\"connection_id\":\"x\"}".getBytes(StandardCharsets.UTF_8), "Authorization", "Bearer " + token);
        assertManagementError(json, 415, null);
        assertManagementError(importFile("", new Multipart().field("connection_id", CONNECTION)), 400, "invalid_body");
        assertManagementError(importFile("", new Multipart().file("users", "u.json", null, users)), 400, "invalid_body");
        assertManagementError(importFile("", new Multipart().file("users", "u.json", null, users)
                .field("connection_id", "con_0000000000000000")), 400, "inexistent_connection");
        assertManagementError(importFile("", new Multipart().file("users", "u.json", null, users)
                .field("connection_id", "No-Such-Connection")), 400, "inexistent_connection");
        assertManagementError(importFile("", new Multipart().file("users", "u.json", null, users)
                .field("connection_id", CONNECTION).field("upsert", "maybe")), 400, "invalid_body");
        assertManagementError(importFile("", new Multipart().file("users", "u.json", null, users)
                .field("connection_id", CONNECTION).field("format", "csv")), 400, "invalid_body");
        assertManagementError(importFile("?wait=soon", new Multipart().file("users", "u.json", null, users)
                .field("connection_id", CONNECTION)), 400, "invalid_query_string");
        assertInsufficientScope(importFile("", new Multipart().file("users", "u.json", null, users)
                .field("connection_id", CONNECTION), "read:users"), "create:users");
        ApiResponse anonymous = api.send("POST", "api/v2/jobs/users-imports", Multipart.CONTENT_TYPE,
                new Multipart().field("connection_id", CONNECTION).bytes());
        assertManagementError(anonymous, 401, null);
        assertManagementError(api.get("api/v2/jobs/job_0000000000000000", token), 404, "inexistent_job");
        assertManagementError(api.get("api/v2/jobs/not-a-job", token), 404, "inexistent_job");
        assertManagementError(api.get("api/v2/jobs/job_0000000000000000/errors", token), 404, "inexistent_job");
        assertInsufficientScope(api.get("api/v2/jobs/job_0000000000000000", managementToken("read:clients")),
                "create:users, read:users");
    }

    @Test
    void aFileOverTheLimitIs413AndNothingIsImported() throws Exception {
        String email = uniqueEmail("toolarge");
        StringBuilder big = new StringBuilder("[" + user(email, ""));
        while (big.length() <= 500 * 1024) {
            big.append(",").append(user(uniqueEmail("filler"), ""));
        }
        // On a client of its own: the server closes a connection whose body it refused unread.
        ApiResponse refused = app.client().send("POST", "api/v2/jobs/users-imports?wait=true", Multipart.CONTENT_TYPE,
                new Multipart().file("users", "big.json", "text/json", (big + "]").getBytes(StandardCharsets.UTF_8))
                        .field("connection_id", CONNECTION).bytes(),
                "Authorization", "Bearer " + managementToken("create:users"));

        assertManagementError(refused, 413, null);
        assertThat(ManagementCalls.passwordLogin(api, email, BCRYPT_PASSWORD).error()).isEqualTo("invalid_grant");
    }

    @Test
    void aJobIsAuditedAndReadFromASecondNode() throws Exception {
        String email = uniqueEmail("second-node");
        ApiResponse job = importFile("?wait=true", new Multipart().file("users", "u.json", null,
                ("[" + user(email, "") + "]").getBytes(StandardCharsets.UTF_8)).field("connection_id", CONNECTION));
        assertThat(job.status()).as(job.toString()).isEqualTo(200);

        Path secondDir = Files.createDirectories(dir.resolve("second-" + getClass().getSimpleName()));
        try (WebhookRecorder webhook = new WebhookRecorder();
             RunningApp second = RunningApp.start(E2eFixture.properties(secondDir, webhook, testDatabase()), clock)) {
            ApiResponse read = second.client().get("api/v2/jobs/" + job.text("id"), managementToken("read:users"));
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json()).isEqualTo(job.json());
        }
        ApiResponse logs = api.get("api/v2/logs?q=type:sapi", managementToken("read:logs"));
        assertThat(logs.json().findValuesAsText("description")).contains("Create a Job", "End a Job");
    }

    @Test
    void housekeepingFailsAJobWhoseNodeDiedMidImport() throws Exception {
        try (Connection connection = databaseConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO import_jobs (id, status,"
                     + " connection_name, file_format, upsert, inserted, total, created_at, lease_until)"
                     + " VALUES ('job_DeadNode00000001', 'processing', ?, 'auth0', FALSE, 3, 3, ?, ?)")) {
            insert.setString(1, CONNECTION);
            insert.setTimestamp(2, Timestamp.from(clock.instant().minus(Duration.ofMinutes(10))));
            insert.setTimestamp(3, Timestamp.from(clock.instant().minusSeconds(1)));
            insert.executeUpdate();
        }

        app.bean(AbandonedImportJobs.class).run();

        ApiResponse job = api.get("api/v2/jobs/job_DeadNode00000001", managementToken("create:users"));
        assertThat(job.text("status")).isEqualTo("failed");
        assertThat(job.text("status_details")).contains("stopped");
        assertThat(job.json().path("summary").path("inserted").asInt()).as("what it imported stays counted").isEqualTo(3);
    }

    private Connection databaseConnection() throws java.sql.SQLException {
        return app.bean(io.twofold.mfa.jdbc.JdbcStorage.class).dataSource().getConnection();
    }
}
