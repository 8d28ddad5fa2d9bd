package io.twofold.mfa.loadgen;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.twofold.mfa.http.token.JwtSettings;
import io.twofold.mfa.http.token.JwtTokenIssuer;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.model.ClientCredentials;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.policy.MfaSettings;
import io.twofold.mfa.port.in.VerifyOtp;
import io.twofold.mfa.port.in.VerifyOtpCommand;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.secret.SecureRandomSource;
import io.twofold.mfa.usecase.MfaServices;
import io.vavr.control.Option;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Database statements per mfa-otp verification: the domain's VerifyOtp use case, wired as the app
 * wires it onto the same JDBC stores and database, with a JDBI SqlLogger counting every statement.
 * In-process, because the server exposes no such counter; HTTP adds no database work of its own.
 */
final class StatementCount {
    private StatementCount() {
    }

    static void print(PrintStream out, Seeder seeder, Options options, String clientSecret, int grants) throws JOSEException {
        JdbcStorage storage = seeder.storage();
        AtomicInteger count = new AtomicInteger();
        Map<String, Integer> byKind = new TreeMap<>();
        storage.jdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
                count.incrementAndGet();
                String sql = context.getRenderedSql().strip();
                String kind = sql.substring(0, Math.max(0, sql.indexOf(' '))).toUpperCase() + " " + table(sql);
                synchronized (byKind) {
                    byKind.merge(kind, 1, Integer::sum);
                }
            }
        });
        RandomSource random = new SecureRandomSource();
        Clock clock = Clock.systemUTC();
        JwtTokenIssuer tokens = new JwtTokenIssuer(JwtSettings.forIssuer(options.baseUrl() + "/"), clock,
                new RSAKeyGenerator(2048).keyID("loadgen").generate(), random);
        VerifyOtp verifyOtp = MfaServices.builder().users(storage.users()).clients(storage.clients())
                .authenticators(storage.authenticators()).transactions(storage.transactions())
                .loginStates(storage.loginStates()).challenges(storage.challenges())
                .attemptCounters(storage.attemptCounters()).tokens(tokens).unitOfWork(storage.unitOfWork())
                .audit(storage.auditLog()).clock(clock).random(random).settings(MfaSettings.defaults("loadgen"))
                .build().verifyOtp();

        List<VirtualUser> users = seeder.users("lg-stmt", grants, options.realm(), true);
        seeder.transactions(users, 2, options.clientId(), options.realm(), options.scope());
        ClientCredentials client = new ClientCredentials(new ClientId(options.clientId()), Option.some(clientSecret));
        // Twice over the same users: the first grant of each finds the user directory's profile cache
        // cold (as for a user whose password step ran on another node or long ago), the second warm.
        for (String round : List.of("first grant of each user", "second grant of each user")) {
            count.set(0);
            byKind.clear();
            int succeeded = 0;
            for (VirtualUser user : users) {
                long step = Math.max(Totps.currentStep(), user.lastStep + 1);
                // A user of an earlier run may have used this step already; one step ahead is still in the window.
                String code = Totps.code(user.seed, step);
                if (verifyOtp.verify(new VerifyOtpCommand(client, user.mfaTokens.poll(), code)).isRight()) {
                    succeeded++;
                    user.lastStep = step;
                }
            }
            out.printf("statements per mfa-otp verification, %s: %.1f (%d statements over %d grants, %d succeeded)%n",
                    round, count.get() / (double) grants, count.get(), grants, succeeded);
            byKind.forEach((kind, n) -> out.printf("  %-40s %.1f per grant%n", kind, n / (double) grants));
        }
    }

    /** The first table a statement names, for the per-table breakdown. */
    private static String table(String sql) {
        String[] words = sql.replaceAll("\\s+", " ").split(" ");
        for (int i = 0; i < words.length - 1; i++) {
            String w = words[i].toUpperCase();
            // A WITH statement is named by what it writes last (the completion's audit row).
            if (w.equals("FROM") || w.equals("INTO") || w.equals("UPDATE") && !words[0].equalsIgnoreCase("WITH")) {
                return words[i + 1].toLowerCase();
            }
        }
        return "";
    }
}
