package io.twofold.mfa.app.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Twofold's own meters, by name. Every label value is one of a small fixed set (a route template, a
 * status, an error code, a grant, a factor kind, an outcome): never a user id, username, email,
 * phone number, token, code or client secret, and never a raw path, so a scrape stays small and
 * safe to show. Prometheus names: the dots become underscores, counters end in {@code _total},
 * timers in {@code _seconds_count}, {@code _seconds_sum} and {@code _seconds_max}.
 */
final class TwofoldMeters {
    static final String REQUESTS = "twofold.http.server.requests";
    static final String GRANTS = "twofold.grants";
    static final String VERIFICATIONS = "twofold.second.factor.verifications";
    static final String LOCKOUTS = "twofold.second.factor.lockouts";
    static final String ENROLLMENTS = "twofold.enrollments";
    static final String DELIVERIES = "twofold.oob.deliveries";
    static final String REFUSALS = "twofold.budget.refusals";
    static final String PASSWORD_CHECKS = "twofold.password.checks";
    static final String STATEMENTS = "twofold.db.statements";

    private final MeterRegistry registry;

    TwofoldMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    MeterRegistry registry() {
        return registry;
    }

    /** One HTTP request: {@code route} is the matched template ({@code unmatched} when none), {@code error} the body's code. */
    void request(String method, String route, int status, String error, long nanos) {
        Timer.builder(REQUESTS).description("HTTP requests by route template, method, status and OAuth/Management error code")
                .tags("method", method, "route", route, "status", Integer.toString(status), "error", error)
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A {@code /oauth/token} grant that reached its use case, by its outcome ({@code success}, {@code mfa_required}, or the error). */
    void grant(String grantType, String outcome) {
        Counter.builder(GRANTS).description("Token grants that reached their use case, by grant type and outcome")
                .tags("grant_type", grantType, "outcome", outcome).register(registry).increment();
    }

    /** A second-factor code checked: {@code success} or {@code failure} (a wrong code). */
    void verification(String factor, String outcome) {
        Counter.builder(VERIFICATIONS).description("Second-factor codes checked, by factor kind and outcome")
                .tags("factor", factor, "outcome", outcome).register(registry).increment();
    }

    /** A wrong code that spent the user's second-factor budget. */
    void lockout(String factor) {
        Counter.builder(LOCKOUTS).description("Wrong second-factor codes that locked the user out, by factor kind")
                .tags("factor", factor).register(registry).increment();
    }

    /** An authenticator enrolled ({@code started}: pending) or confirmed by its first code. */
    void enrollment(String factor, String stage) {
        Counter.builder(ENROLLMENTS).description("Authenticators enrolled (started) and confirmed, by factor kind")
                .tags("factor", factor, "stage", stage).register(registry).increment();
    }

    /** One out-of-band code handed to a sender, and how long the sender took. */
    void delivery(String channel, String outcome, long nanos) {
        Timer.builder(DELIVERIES).description("Out-of-band codes handed to the sender, by channel and outcome, with the time it took")
                .tags("channel", channel, "outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** A request refused because a budget was spent: {@code password}, {@code second_factor} or a send limit. */
    void refusal(String budget) {
        Counter.builder(REFUSALS).description("Requests refused because an attempt budget or send limit was spent")
                .tags("budget", budget).register(registry).increment();
    }

    /** One first-factor check: an Argon2id verification (a dummy one for an unknown user) and the user's look-up. */
    void passwordCheck(long nanos) {
        Timer.builder(PASSWORD_CHECKS).description("First-factor password checks (Argon2id verification and user look-up)")
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One SQL statement, by whether it failed. */
    void statement(String outcome, long nanos) {
        Timer.builder(STATEMENTS).description("SQL statements run by the stores, by outcome")
                .tags("outcome", outcome).register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** {@code InvalidOtp} becomes {@code invalid_otp}: a label value from a type name, never from input. */
    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
