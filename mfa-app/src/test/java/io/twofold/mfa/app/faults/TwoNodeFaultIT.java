package io.twofold.mfa.app.faults;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16's fault scenarios 1 to 5 against two real nodes of the built jar on a private PostgreSQL
 * cluster ({@link FaultRig}): cross-node races and budgets, kill -9 of a node under load, PostgreSQL
 * stopped for 20 s under load, SIGTERM under load, key rotations. Each scenario prints what it sent, what succeeded,
 * what was refused with which status, and each invariant with its count; then asserts that all held.
 * Scenario 5 rotates the signing key with {@code signing-key rotate} and the sealing key with rolling
 * restarts and {@code reseal}, as the README's "Running several nodes" tells operators to.
 * Run alone: {@code mvn -B -pl mfa-app -am verify -Dit.test='*FaultIT' -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeFaultIT {
    private static final int ROUNDS = 6;
    private static final Duration OUTAGE = Duration.ofSeconds(20);
    /** No request may wait longer than this while the database is away (pool 3 s, statement 5 s + 2 s, with margin). */
    private static final Duration HANG_BOUND = Duration.ofSeconds(12);

    private FaultRig rig;
    private FaultClient client;
    private Flows flows;
    /** Every user whose TOTP confirmation was answered 200, in any scenario: each must stay active. */
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    /** The 200 that acknowledged each of them, for the report when one is missing. */
    private final java.util.Map<String, Answer> acknowledgements = new ConcurrentHashMap<>();
    private volatile long suiteStarted;

    @BeforeAll
    void startRig() {
        suiteStarted = System.nanoTime();
        rig = FaultRig.start();
        client = rig.client;
        flows = new Flows(client);
    }

    @AfterAll
    void stopRig() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    @Order(1)
    void crossNodeRacesHaveOneWinnerAndBudgetsHoldAcrossNodes() {
        Tally tally = new Tally("1. cross-node races (" + ROUNDS + " rounds per kind, 4 racers over 2 nodes)");
        client.reportTo(tally);
        try {
            int totpWins = 0;
            int recoveryWins = 0;
            int oobWins = 0;
            for (int round = 0; round < ROUNDS; round++) {
                Flows.Attempt attempt = flows.enrollTotp(rig.freshUser());
                assertThat(attempt.acknowledged()).as("enrollment %s", attempt.confirmation()).isTrue();
                Flows.Enrolled enrolled = attempt.enrolled();
                acknowledged.add(enrolled.user());
                acknowledgements.put(enrolled.user(), attempt.confirmation());

                // The same code and the same mfa_token on both nodes at once: the next step, so it is fresh.
                String token = flows.mfaToken(enrolled.user());
                String code = FaultRig.totp(enrolled.secret(), Instant.now().plusSeconds(30));
                totpWins += wins(Flows.race(4, i -> client.otp(client.node(i % 2), token, code)));

                // The same recovery code, each racer with its own mfa_token.
                List<String> tokens = IntStream.range(0, 4).mapToObj(i -> flows.mfaToken(enrolled.user())).toList();
                recoveryWins += wins(Flows.race(4, i -> client.recovery(client.node(i % 2), tokens.get(i), enrolled.recoveryCode())));

                // The same oob_code and binding code (an SMS enrollment's confirmation) on both nodes at once.
                String smsUser = rig.freshUser();
                String smsToken = flows.mfaToken(smsUser);
                String phone = "+1555010" + String.format("%04d", round);
                Answer associated = client.associateSms(client.pick(), smsToken, phone);
                assertThat(associated.ok()).as(associated.toString()).isTrue();
                String binding = rig.sms.code(phone);
                oobWins += wins(Flows.race(4, i -> client.oob(client.node(i % 2), smsToken, associated.text("oob_code"), binding)));
            }
            tally.invariant("the same TOTP code and mfa_token on both nodes: exactly one success per round (" + totpWins + " of " + ROUNDS + ")",
                    ROUNDS, totpWins == ROUNDS);
            tally.invariant("the same recovery code on both nodes: exactly one success per round (" + recoveryWins + " of " + ROUNDS + ")",
                    ROUNDS, recoveryWins == ROUNDS);
            tally.invariant("the same oob_code on both nodes: exactly one success per round (" + oobWins + " of " + ROUNDS + ")",
                    ROUNDS, oobWins == ROUNDS);

            // 30 wrong codes at once on one mfa_token, 15 to each node: the budget (10) is checked, no more.
            Flows.Enrolled target = flows.enrollTotp(rig.freshUser()).enrolled();
            String token = flows.mfaToken(target.user());
            String wrong = wrongCode(target.secret());
            List<Answer> answers = Flows.race(30, i -> client.otp(client.node(i % 2), token, wrong));
            long checked = answers.stream().filter(answer -> answer.text("error_description").equals("Invalid otp_code.")).count();
            long refused = answers.stream().filter(answer -> answer.error().equals("too_many_attempts")).count();
            tally.invariant("30 wrong codes on one mfa_token over 2 nodes: at most 10 checked (" + checked + " checked, "
                    + refused + " too_many_attempts)", 30, checked <= 10 && checked + refused == 30);
            tally.invariant("no 500 and no unanswered request", tally.answers().size(), serverErrors(tally) == 0);
        } finally {
            finish(tally);
        }
    }

    @Test
    @Order(2)
    void killingANodeMidLoadLosesNoConfirmedEnrollment() throws Exception {
        Tally tally = new Tally("2. kill -9 of node-b under load (enrollments confirming, logins completing)");
        client.reportTo(tally);
        Node victim = client.node(1);
        try {
            Load load = new Load(4, this::enrollAndLogIn);
            load.start();
            Thread.sleep(5_000);
            long pid = victim.pid();
            victim.kill();
            long killedAt = System.nanoTime();
            tally.note("node-b (pid " + pid + ") killed with SIGKILL after 5 s of load, at +" + (killedAt - suiteStarted) / 1_000_000 + " ms");
            Thread.sleep(6_000);
            load.stop();
            // Restarted once the load is over: a start on this small machine under load takes minutes.
            long restarting = System.nanoTime();
            victim.start(FaultRig.START_WITHIN);
            tally.note("node-b restarted as pid " + victim.pid() + ", ready in " + (System.nanoTime() - restarting) / 1_000_000 + " ms");

            long afterKill = tally.answers().stream().filter(answer -> answer.sentNanos() > killedAt && answer.ok()).count();
            tally.invariant("clients fail over: successes after the kill", afterKill, afterKill > 0);
            checkEnrollments(tally);
            Answer served = client.login(victim, FaultRig.username(0));
            tally.invariant("the restarted node serves (login answers mfa_required)", 1, served.error().equals("mfa_required"));
            tally.invariant("no 500", tally.answers().size(), tally.answers().stream().noneMatch(answer -> answer.status() == 500));
        } finally {
            finish(tally);
        }
    }

    @Test
    @Order(3)
    void aDatabaseOutageIsAnsweredWith503AndRecoveredWithoutARestart() throws Exception {
        Tally tally = new Tally("3. PostgreSQL stopped for " + OUTAGE.toSeconds() + " s under load, then started");
        client.reportTo(tally);
        List<Long> pids = rig.nodes.stream().map(Node::pid).toList();
        try {
            Load load = new Load(4, this::enrollAndLogIn);
            load.start();
            Thread.sleep(4_000);
            rig.postgres.stopServer();
            long stoppedAt = System.nanoTime();
            List<String> health = new ArrayList<>();
            long downUntil = stoppedAt + OUTAGE.toNanos();
            while (System.nanoTime() < downUntil) {
                for (Node node : rig.nodes) {
                    long started = System.nanoTime();
                    int status = node.status("health");
                    health.add(node.name + ":" + status + ":" + (System.nanoTime() - started) / 1_000_000);
                }
                Thread.sleep(1_000);
            }
            rig.postgres.startServer();
            long startedAt = System.nanoTime();
            tally.note("PostgreSQL stopped at +" + (stoppedAt - suiteStarted) / 1_000_000 + " ms (pg_ctl stop -m fast) for " + (startedAt - stoppedAt) / 1_000_000 + " ms");
            long recoveredAt = awaitRecovery();
            tally.note("both nodes ready again " + (recoveredAt - startedAt) / 1_000_000 + " ms after PostgreSQL started");
            Thread.sleep(3_000);
            load.stop();

            List<Answer> during = tally.answers().stream()
                    .filter(answer -> answer.sentNanos() > stoppedAt + 500_000_000L && answer.sentNanos() < startedAt).toList();
            long unavailable = during.stream().filter(answer -> answer.status() == 503).count();
            long wellFormed = during.stream().filter(answer -> answer.status() == 503)
                    .filter(answer -> answer.error().equals("temporarily_unavailable") && !answer.retryAfter().isEmpty()).count();
            long slowest = tally.answers().stream().mapToLong(Answer::millis).max().orElse(0);
            tally.invariant("while down, every answer is 503 temporarily_unavailable with Retry-After ("
                    + unavailable + " of " + during.size() + ")", during.size(), !during.isEmpty() && unavailable == during.size()
                    && wellFormed == unavailable);
            tally.invariant("no 500 and no unanswered request", tally.answers().size(), serverErrors(tally) == 0);
            tally.invariant("no request hangs longer than " + HANG_BOUND.toSeconds() + " s (slowest " + slowest + " ms)",
                    tally.answers().size(), slowest <= HANG_BOUND.toMillis());
            List<String> healthDown = health.stream().filter(line -> line.split(":")[1].equals("503")).toList();
            tally.invariant("/health says DOWN (503) on both nodes while down, fast (" + healthDown.size() + " of " + health.size()
                    + " probes)", health.size(), health.stream().allMatch(line -> !line.split(":")[1].equals("0"))
                    && rig.nodes.stream().allMatch(node -> healthDown.stream().anyMatch(line -> line.startsWith(node.name + ":"))));
            tally.invariant("both nodes recovered within 15 s without a restart (same PIDs)", rig.nodes.size(),
                    recoveredAt - startedAt < 15_000_000_000L
                            && rig.nodes.stream().map(Node::pid).toList().equals(pids));
            long servedAfter = rig.nodes.stream().filter(node -> client.login(node, FaultRig.username(0)).error().equals("mfa_required")).count();
            tally.invariant("each node serves logins after the outage", rig.nodes.size(), servedAfter == rig.nodes.size());
            checkEnrollments(tally);
        } finally {
            finish(tally);
        }
    }

    @Test
    @Order(4)
    void sigtermDrainsTheRequestsInFlightAndExitsInTime() throws Exception {
        Tally tally = new Tally("4. SIGTERM to node-b with 16 logins in flight");
        client.reportTo(tally);
        Node victim = client.node(1);
        try {
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService senders = Executors.newFixedThreadPool(16);
            for (int i = 0; i < 16; i++) {
                String user = FaultRig.username(i);
                senders.submit(() -> {
                    while (running.get()) {
                        if (client.login(victim, user).noAnswer()) {
                            sleep(100);
                        }
                    }
                });
            }
            Thread.sleep(4_000);
            long termAt = System.nanoTime();
            long started = System.nanoTime();
            int exit = victim.terminate(FaultRig.SHUTDOWN_GRACE.plusSeconds(10));
            long exitMillis = (System.nanoTime() - started) / 1_000_000;
            Thread.sleep(500);
            running.set(false);
            senders.shutdown();
            senders.awaitTermination(60, TimeUnit.SECONDS);
            tally.note("node-b exited with " + exit + " " + exitMillis + " ms after SIGTERM (grace " + FaultRig.SHUTDOWN_GRACE.toSeconds() + " s)");

            List<Answer> before = tally.answers().stream().filter(answer -> answer.sentNanos() < termAt - 100_000_000L).toList();
            List<Answer> after = tally.answers().stream().filter(answer -> answer.sentNanos() > termAt).toList();
            long cut = before.stream().filter(Answer::noAnswer).count();
            tally.invariant("requests sent before SIGTERM all answered, none cut (" + cut + " cut)", before.size(), cut == 0);
            tally.invariant("no 500 (a closed pool under a running request)", tally.answers().size(),
                    tally.answers().stream().noneMatch(answer -> answer.status() >= 500));
            tally.invariant("new requests after SIGTERM refused or answered, never 5xx ("
                            + after.stream().filter(Answer::noAnswer).count() + " refused)", after.size(),
                    after.stream().noneMatch(answer -> answer.status() >= 500));
            tally.invariant("exited within the grace period + 5 s", 1, exit != -1 && exitMillis <= FaultRig.SHUTDOWN_GRACE.plusSeconds(5).toMillis());
            long serverErrorLines = victim.log().lines().filter(line -> line.contains("io.twofold.access") && line.contains(" 500 ")).count();
            tally.invariant("node-b's log has no 500 access line", 1, serverErrorLines == 0);
            tally.invariant("node-a unaffected: it still serves", 1, client.login(client.node(0), FaultRig.username(0)).error().equals("mfa_required"));
        } finally {
            finish(tally);
        }
    }

    @Test
    @Order(5)
    void rotatedKeysAreUsedOnEveryNodeAndOldTokensAndSeedsStillWork() throws Exception {
        Tally tally = new Tally("5. signing-key rotation, then sealing-key rotation with a reseal, under load on both nodes");
        client.reportTo(tally);
        try {
            Node b = client.node(1);
            if (!b.alive()) {
                long restarting = System.nanoTime();
                b.start(FaultRig.START_WITHIN);
                tally.note("node-b (stopped by scenario 4) started in " + (System.nanoTime() - restarting) / 1_000_000 + " ms");
            }
            List<Flows.Enrolled> sealedBefore = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Flows.Attempt attempt = flows.enrollTotp(FaultRig.reservedUser(i));
                assertThat(attempt.acknowledged()).as("enrollment %s", attempt.confirmation()).isTrue();
                sealedBefore.add(attempt.enrolled());
                acknowledged.add(attempt.enrolled().user());
                acknowledgements.put(attempt.enrolled().user(), attempt.confirmation());
            }
            KeyRotations keys = new KeyRotations(rig, sealedBefore.get(0));
            String oldKid = keys.currentKidInTheDatabase();
            List<String> oldTokens = rig.nodes.stream().map(keys::mfaApiToken).toList();
            tally.invariant("before the rotation both nodes sign with " + oldKid, 2,
                    oldTokens.stream().allMatch(token -> token != null && KeyRotations.kid(token).equals(oldKid)));

            Load load = new Load(2, this::enrollAndLogIn);
            load.start();
            Thread.sleep(2_000);
            FaultRig.CommandRun rotate = rig.runCommand(Duration.ofSeconds(120), "signing-key", "rotate");
            long rotatedAt = System.nanoTime();
            String newKid = keys.currentKidInTheDatabase();
            tally.note("java -jar mfa-app.jar signing-key rotate: exit " + rotate.exit() + ", " + rotate.output().lines()
                    .filter(line -> line.startsWith("RSA signing key ")).findFirst().orElse(rotate.output()));
            tally.invariant("the rotate command succeeded and made a new key current (" + oldKid + " -> " + newKid + ")", 1,
                    rotate.exit() == 0 && !newKid.equals(oldKid));
            List<String> newTokens = new ArrayList<>();
            List<Long> switchedMillis = new ArrayList<>();
            for (Node node : rig.nodes) {
                String token = keys.mfaApiToken(node);
                while (token != null && !KeyRotations.kid(token).equals(newKid) && System.nanoTime() - rotatedAt < 30_000_000_000L) {
                    Thread.sleep(250);
                    token = keys.mfaApiToken(node);
                }
                newTokens.add(token);
                switchedMillis.add((System.nanoTime() - rotatedAt) / 1_000_000);
            }
            long bound = FaultRig.SIGNING_KEY_REFRESH.plusSeconds(8).toMillis();
            tally.invariant("both nodes sign with the new key within MFA_SIGNING_KEY_REFRESH ("
                    + FaultRig.SIGNING_KEY_REFRESH.toSeconds() + " s) + 8 s (node-a after " + switchedMillis.get(0)
                    + " ms, node-b after " + switchedMillis.get(1) + " ms)", 2,
                    newTokens.stream().allMatch(token -> token != null && KeyRotations.kid(token).equals(newKid))
                            && switchedMillis.stream().allMatch(millis -> millis <= bound));
            List<List<String>> published = rig.nodes.stream().map(keys::publishedKids).toList();
            tally.invariant("the JWKS of both nodes lists the new and the old key " + published, 2,
                    published.stream().allMatch(kids -> kids.equals(List.of(newKid, oldKid))));
            int verified = verifiedEverywhere(keys, oldTokens, newTokens);
            tally.invariant("tokens signed before and after, by either node, verify on both (GET /mfa/authenticators: "
                    + verified + " of 8 answered 200)", 8, verified == 8);

            // Sealing: k2 known everywhere, then k2 seals everywhere, reseal (interrupted, then resumed), then k2 alone.
            keys.rollingRestart(Map.of("MFA_SECRET_KEY_PREVIOUS", "k2:" + KeyRotations.NEW_SEALING_KEY), tally::note);
            Map<String, String> k2Seals = new java.util.HashMap<>();
            k2Seals.put("MFA_SECRET_KEY", KeyRotations.NEW_SEALING_KEY);
            k2Seals.put("MFA_SECRET_KEY_ID", "k2");
            k2Seals.put("MFA_SECRET_KEY_PREVIOUS", "k1:" + FaultRig.SEALING_KEY);
            keys.rollingRestart(k2Seals, tally::note);
            long underK1 = sealedUnder("k1");
            java.nio.file.Path firstRun = rig.dir().resolve("reseal-interrupted.log");
            Process interrupted = rig.startCommand(firstRun, "reseal", "--batch-size", "1");
            long waitUntil = System.nanoTime() + 120_000_000_000L;
            while (interrupted.isAlive() && System.nanoTime() < waitUntil
                    && java.nio.file.Files.readString(firstRun).lines().filter(line -> line.contains(": batch ")).count() < 5) {
                Thread.sleep(50);
            }
            interrupted.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            long leftAfterKill = sealedUnder("k1");
            tally.note("reseal --batch-size 1 killed (SIGKILL) after " + java.nio.file.Files.readString(firstRun).lines()
                    .filter(line -> line.contains(": batch ")).count() + " batches: " + underK1 + " values under k1 before, "
                    + leftAfterKill + " after");
            FaultRig.CommandRun resumed = rig.runCommand(Duration.ofSeconds(180), "reseal", "--batch-size", "20");
            tally.note("reseal rerun: exit " + resumed.exit() + ", " + resumed.output().lines()
                    .filter(line -> line.startsWith("Resealed ")).findFirst().orElse(resumed.output()));
            tally.invariant("the interrupted reseal left work that the rerun finished (" + underK1 + " -> " + leftAfterKill
                    + " -> " + sealedUnder("k1") + " values under k1)", underK1,
                    leftAfterKill < underK1 && resumed.exit() == 0 && sealedUnder("k1") == 0);
            Thread.sleep(1_000);
            load.stop();
            Map<String, String> k2Alone = new java.util.HashMap<>();
            k2Alone.put("MFA_SECRET_KEY_PREVIOUS", null);
            keys.rollingRestart(k2Alone, tally::note);

            int loggedIn = 0;
            for (int i = 0; i < sealedBefore.size(); i++) {
                Flows.Enrolled enrolled = sealedBefore.get(i);
                Node node = client.node(i % 2);
                Answer login = client.login(node, enrolled.user());
                Answer otp = client.otp(node, login.text("mfa_token"), FaultRig.totp(enrolled.secret(), Instant.now().plusSeconds(30)));
                loggedIn += otp.ok() ? 1 : 0;
            }
            tally.invariant("with only the new sealing key, TOTP logins with seeds sealed under the old one work ("
                    + loggedIn + " of " + sealedBefore.size() + ")", sealedBefore.size(), loggedIn == sealedBefore.size());
            int stillVerified = verifiedEverywhere(keys, oldTokens, newTokens);
            tally.invariant("after the restarts, tokens of both signing keys still verify on both nodes (" + stillVerified
                    + " of 8)", 8, stillVerified == 8);
            long sealedLogLines = rig.nodes.stream().mapToLong(node -> node.log().lines()
                    .filter(line -> line.contains("SealingException")).count()).sum();
            tally.invariant("no node logged a SealingException", rig.nodes.size(), sealedLogLines == 0);
            tally.invariant("no 500", tally.answers().size(), tally.answers().stream().noneMatch(answer -> answer.status() == 500));
            checkEnrollments(tally);
        } finally {
            finish(tally);
        }
    }

    /** GET /mfa/authenticators on each node with each token: how many answered 200. */
    private int verifiedEverywhere(KeyRotations keys, List<String> oldTokens, List<String> newTokens) {
        int verified = 0;
        for (String token : java.util.stream.Stream.concat(oldTokens.stream(), newTokens.stream()).toList()) {
            for (Node node : rig.nodes) {
                verified += token != null && client.get(node, "mfa/authenticators", token).ok() ? 1 : 0;
            }
        }
        return verified;
    }

    /** Sealed values (seeds and signing keys) under the sealing key {@code keyId}. */
    private long sealedUnder(String keyId) {
        return rig.count("SELECT (SELECT COUNT(*) FROM authenticators WHERE seed_key_id = ?)"
                + " + (SELECT COUNT(*) FROM signing_keys WHERE seal_key_id = ?)", keyId, keyId);
    }

    // ---- helpers

    /** One virtual user's journey under load: enroll TOTP, then log in again with the recovery code. */
    private void enrollAndLogIn() {
        sleep(300);
        String user = rig.freshUserOrNull();
        if (user == null) {
            return;
        }
        Flows.Attempt attempt = flows.enrollTotp(user);
        if (!attempt.acknowledged()) {
            return;
        }
        acknowledged.add(attempt.enrolled().user());
        acknowledgements.put(attempt.enrolled().user(), attempt.confirmation());
        String token = flows.mfaToken(attempt.enrolled().user());
        if (token != null) {
            flows.failover(node -> client.recovery(node, token, attempt.enrolled().recoveryCode()));
        }
    }

    private void checkEnrollments(Tally tally) {
        long active = rig.withActiveTotp(acknowledged);
        for (String user : acknowledged) {
            if (rig.withActiveTotp(List.of(user)) == 0) {
                Answer answer = acknowledgements.get(user);
                tally.note("MISSING " + user + ": acknowledged " + (answer == null ? "?" : answer.node() + " at +"
                        + (answer.sentNanos() - suiteStarted) / 1_000_000 + " ms, " + answer.millis() + " ms, " + answer.body())
                        + "; rows: " + rig.authenticatorRows(user));
            }
        }
        tally.invariant("every enrollment confirmed with 200 is active in the database (" + active + " of " + acknowledged.size() + ")",
                acknowledged.size(), active == acknowledged.size());
        long half = rig.halfWritten();
        long all = rig.count("SELECT COUNT(*) FROM authenticators");
        tally.invariant("no authenticator half written (" + half + " factors whose companion differs in state)", all, half == 0);
    }

    private long awaitRecovery() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (rig.nodes.stream().allMatch(node -> node.readiness() == 200)) {
                return System.nanoTime();
            }
            Thread.sleep(200);
        }
        return System.nanoTime();
    }

    private static int wins(List<Answer> answers) {
        return (int) answers.stream().filter(Answer::ok).count();
    }

    private static long serverErrors(Tally tally) {
        return tally.answers().stream().filter(answer -> answer.status() == 500 || answer.noAnswer()).count();
    }

    /** A six-digit code that matches none of the steps the server accepts now. */
    private static String wrongCode(String secret) {
        Instant now = Instant.now();
        Set<String> accepted = Set.of(FaultRig.totp(secret, now.minusSeconds(30)), FaultRig.totp(secret, now),
                FaultRig.totp(secret, now.plusSeconds(30)), FaultRig.totp(secret, now.plusSeconds(60)));
        return IntStream.range(0, 10).mapToObj(d -> String.valueOf(d).repeat(6))
                .filter(code -> !accepted.contains(code)).findFirst().orElseThrow();
    }

    private void finish(Tally tally) {
        client.reportTo(null);
        System.out.println(tally.report());
        assertThat(tally.broken()).as(tally.report()).isEmpty();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code threads} virtual users repeating {@code journey} until stopped. */
    private static final class Load {
        private final ExecutorService pool;
        private final int threads;
        private final Runnable journey;
        private final AtomicBoolean running = new AtomicBoolean(true);

        Load(int threads, Runnable journey) {
            this.pool = Executors.newFixedThreadPool(threads);
            this.threads = threads;
            this.journey = journey;
        }

        void start() {
            for (int i = 0; i < threads; i++) {
                pool.submit(() -> {
                    while (running.get()) {
                        journey.run();
                    }
                });
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            pool.shutdown();
            if (!pool.awaitTermination(90, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        }
    }
}
