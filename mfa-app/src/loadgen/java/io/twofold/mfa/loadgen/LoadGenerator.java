package io.twofold.mfa.loadgen;

import io.twofold.mfa.jdbc.users.PasswordHashing;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Drives a running Twofold server on this machine over HTTP and prints requests/s, outcomes and
 * latency percentiles. Scenarios: login (password-realm, mfa_required, mfa-otp), second-factor
 * (mfa-otp alone against pre-made transactions), enroll (associate otp and confirm),
 * client-credentials (machine tokens for the Management API, as auth0-java's requestToken), and
 * statements (database statements per mfa-otp verification, in-process). Seeding writes through the
 * app's own JDBC stores to the server's database, so give the same MFA_DB_URL and MFA_SECRET_KEY.
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        // Before any logger exists: the pool and migration chatter would drown the report.
        System.setProperty("logback.configurationFile", "logback-loadgen.xml");
        try {
            run(Options.parse(args), System.out);
        } catch (IllegalArgumentException e) {
            // A usage error (bad option, non-loopback target, missing database settings).
            System.err.println(e.getMessage());
            System.exit(2);
        }
    }

    private static void run(Options options, PrintStream out) throws Exception {
        if (options.target().equals("keycloak")) {
            runKeycloak(options, out);
            return;
        }
        boolean imported = options.scenario().equals("imported-login");
        boolean login = options.scenario().equals("login") || imported;
        boolean floored = login && options.floor();
        // The login pool verifies real passwords, so it keeps the production Argon2id parameters.
        try (Seeder seeder = new Seeder(options, login ? PasswordHashing.OWASP : Seeder.CHEAP)) {
            boolean machine = options.scenario().equals("client-credentials");
            String audience = "";
            String secret;
            if (machine) {
                // The Management API's audience is the server's issuer + "api/v2/", exactly.
                String issuer = options.issuer().isEmpty() ? TwofoldClient.discoverIssuer(options.baseUrl()) : options.issuer();
                audience = issuer + "api/v2/";
                secret = seeder.machineClient(options.machineClientId(), audience, io.vavr.collection.List.of("read:users"));
                out.printf("machine client %s, client grant for %s (read:users)%n", options.machineClientId(), audience);
            } else {
                secret = seeder.client(options.clientId());
            }
            if (options.scenario().equals("statements")) {
                StatementCount.print(out, seeder, options, secret, 50);
                return;
            }
            long seedStart = System.nanoTime();
            List<VirtualUser> users = seed(seeder, options);
            out.printf(machine ? "%d virtual users (no users seeded) in %.1f s%n" : "seeded %d users in %.1f s%n", users.size(), (System.nanoTime() - seedStart) / 1e9);
            if (imported) {
                firstLogins(out, options, secret, users);
            }
            Recorder recorder = new Recorder();
            TwofoldClient client = new TwofoldClient(options.baseUrl(),
                    machine ? options.machineClientId() : options.clientId(), secret, recorder);
            Scenario scenario = switch (options.scenario()) {
                case "login", "imported-login" -> Scenario.login(client, options.realm(), options.scope());
                case "second-factor" -> Scenario.secondFactor(client);
                case "client-credentials" -> Scenario.clientCredentials(client, audience);
                default -> Scenario.enroll(client);
            };
            // The floor in the same run, on the same machine, just before (and after) the load: a fair
            // yardstick on a shared host whose speed drifts from one run to the next.
            double floorBefore = floored ? HashFloor.measure(5_000, 15_000) : 0;
            HeapProbe heap = new HeapProbe(options.serverPid());
            Runner runner = new Runner(scenario, recorder, users, options.concurrency(), options.maxOperations());
            CpuMeter cpu = new CpuMeter(options.serverPid(), new ServerProfile(options.serverPid(), options.profiler()));
            long measured = runner.run(options.warmup().toMillis(), options.duration().toMillis(), cpu,
                    options.serverPid() > 0, heap::probe);
            Report.print(out, options, recorder, measured, cpu.result(), heap.result());
            double floor = floored ? floorAfter(out, PasswordHashing.OWASP, floorBefore, recorder, measured) : 0;
            Report.summary(out, options, recorder, measured, cpu, floor);
        }
    }

    /**
     * Every imported user logs in once, all measured: bcrypt checked, the hash replaced by Argon2id in
     * the same request. The run after it measures their later logins, on Argon2id.
     */
    private static void firstLogins(PrintStream out, Options options, String secret, List<VirtualUser> users)
            throws InterruptedException {
        Recorder recorder = new Recorder();
        TwofoldClient client = new TwofoldClient(options.baseUrl(), options.clientId(), secret, recorder);
        Scenario login = Scenario.login(client, options.realm(), options.scope());
        java.util.Queue<VirtualUser> left = new java.util.concurrent.ConcurrentLinkedQueue<>(users);
        CpuMeter cpu = new CpuMeter(options.serverPid());
        recorder.recording(true);
        cpu.start();
        long start = System.nanoTime();
        List<Thread> workers = IntStream.range(0, options.concurrency()).mapToObj(i -> new Thread(() -> {
            Recorder.Latencies latencies = recorder.latencies();
            try {
                for (VirtualUser user = left.poll(); user != null; user = left.poll()) {
                    long t0 = System.nanoTime();
                    boolean ok = login.run(user);
                    latencies.add(System.nanoTime() - t0);
                    (ok ? recorder.successes : recorder.failures).increment();
                }
            } finally {
                latencies.close();
            }
        }, "loadgen-first-" + i)).collect(Collectors.toList());
        workers.forEach(Thread::start);
        for (Thread worker : workers) {
            worker.join();
        }
        long measured = System.nanoTime() - start;
        recorder.recording(false);
        cpu.stop();
        out.println("== first logins of the imported users, each once (bcrypt cost 10 checked, rehashed to Argon2id) ==");
        Report.print(out, options, recorder, measured, cpu.result(), "not probed");
        out.println("== later logins of the same users (Argon2id) ==");
    }

    /** Once more after the load, so the run is bracketed: the host's speed drifts by minutes. The mean floor. */
    private static double floorAfter(PrintStream out, PasswordHashing hashing, double floorBefore, Recorder recorder,
                                     long measured) throws InterruptedException {
        double floorAfter = HashFloor.measure(hashing, 5_000, 15_000);
        double floor = (floorBefore + floorAfter) / 2;
        double logins = recorder.successes.sum() / (measured / 1e9);
        out.printf(Locale.ROOT, "password-hash floor (Argon2id m=%d t=%d p=%d, %d threads in the generator, before and"
                        + " after the load): %.1f and %.1f verifications/s; logins reached %.0f %% of their mean%n",
                hashing.memoryKib(), hashing.iterations(), hashing.parallelism(),
                Runtime.getRuntime().availableProcessors(), floorBefore, floorAfter, 100 * logins / floor);
        return floor;
    }

    /**
     * The same runner, recorder and report against Keycloak's token endpoint: nothing is seeded in a
     * database (the realm was set up by {@code --scenario setup}, whose users the generator derives
     * again); its login is measured against the floor of Keycloak's own Argon2id parameters.
     */
    private static void runKeycloak(Options options, PrintStream out) throws Exception {
        if (options.scenario().equals("setup")) {
            new KeycloakRealm(options.baseUrl()).create(options.realm(), options.clientId(), options.clientSecret(),
                    options.users(), out);
            return;
        }
        boolean imported = options.scenario().equals("imported-login");
        boolean login = options.scenario().equals("login") || imported;
        boolean floored = login && options.floor();
        Recorder recorder = new Recorder();
        KeycloakClient client = new KeycloakClient(options.baseUrl(), options.realm(), options.clientId(),
                options.clientSecret(), recorder);
        List<VirtualUser> users = login ? KeycloakRealm.users(options.users())
                : IntStream.range(0, options.concurrency()).mapToObj(i -> new VirtualUser("kc-machine-" + i, "", null, new byte[0]))
                        .collect(Collectors.toList());
        Scenario scenario = login ? Scenario.keycloakLogin(client, options.scope()) : Scenario.keycloakClientCredentials(client);
        double floorBefore = floored ? HashFloor.measure(KeycloakRealm.KEYCLOAK_ARGON2, 5_000, 15_000) : 0;
        HeapProbe heap = new HeapProbe(options.serverPid());
        Runner runner = new Runner(scenario, recorder, users, options.concurrency(), options.maxOperations());
        CpuMeter cpu = new CpuMeter(options.serverPid(), new ServerProfile(options.serverPid(), options.profiler()));
        long measured = runner.run(options.warmup().toMillis(), options.duration().toMillis(), cpu,
                options.serverPid() > 0, heap::probe);
        Report.print(out, options, recorder, measured, cpu.result(), heap.result());
        double floor = floored ? floorAfter(out, KeycloakRealm.KEYCLOAK_ARGON2, floorBefore, recorder, measured) : 0;
        Report.summary(out, options, recorder, measured, cpu, floor);
    }

    private static List<VirtualUser> seed(Seeder seeder, Options options) {
        long seconds = options.warmup().toSeconds() + options.duration().toSeconds();
        switch (options.scenario()) {
            case "client-credentials":
                // Nothing to seed per user: one virtual user per worker, each ready again at once.
                return IntStream.range(0, options.concurrency())
                        .mapToObj(i -> new VirtualUser("lg-machine-" + i, "", null, new byte[0]))
                        .collect(Collectors.toList());
            case "login":
                return seeder.users("lg-login", options.users(), options.realm(), true);
            case "imported-login":
                return seeder.importedUsers("lg-imported-" + Long.toString(System.currentTimeMillis() / 1000, 36),
                        options.users(), options.realm());
            case "second-factor": {
                List<VirtualUser> users = seeder.users("lg-otp", options.users(), options.realm(), true);
                // One success per user per 30 s step: one token for each step the run can touch.
                seeder.transactions(users, (int) (seconds / 30) + 2, options.clientId(), options.realm(), options.scope());
                return users;
            }
            default: {
                // Enrollment uses a user up, so every run gets users of its own.
                String run = Long.toString(System.currentTimeMillis() / 1000, 36);
                List<VirtualUser> users = seeder.users("lg-enroll-" + run, options.users(), options.realm(), false);
                seeder.transactions(users, 1, options.clientId(), options.realm(), options.scope());
                return users;
            }
        }
    }
}
