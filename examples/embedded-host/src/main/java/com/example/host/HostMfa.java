package com.example.host;

import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.seal.Keyring;
import io.twofold.mfa.memory.InMemoryClientRegistry;
import io.twofold.mfa.model.MfaPolicy;
import io.twofold.mfa.policy.MfaSettings;
import io.twofold.mfa.usecase.MfaServices;
import io.vavr.control.Try;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The host's wiring: its own users and sessions, Twofold's JDBC stores on the host's DataSource. */
public record HostMfa(HostUsers users, SessionTokens sessions, JdbcStorage storage, MfaServices mfa) {
    public static final String WEB_APP = "web-app";

    /** Migrates Twofold's tables into the host's database; registers the host's one client application. */
    public static HostMfa start(DataSource dataSource, Keyring keyring, Clock clock) {
        HostUsers users = new HostUsers();
        SessionTokens sessions = new SessionTokens();
        JdbcStorage storage = JdbcStorage.on(dataSource, keyring, JdbcStorage.Migrations.RUN);
        InMemoryClientRegistry clients = new InMemoryClientRegistry();
        clients.registerPublic(WEB_APP, MfaPolicy.ALWAYS);
        MfaServices mfa = MfaServices.builder()
                .users(users).clients(clients).tokens(sessions)
                .authenticators(storage.authenticators()).transactions(storage.transactions())
                .challenges(storage.challenges()).attemptCounters(storage.attemptCounters())
                .loginStates(storage.loginStates()).unitOfWork(storage.unitOfWork()).audit(storage.auditLog())
                .clock(clock).settings(MfaSettings.defaults("Example Host"))
                .build();
        return new HostMfa(users, sessions, storage, mfa);
    }

    /** Deletes expired logins, challenges, pending enrollments and rested counters every 10 minutes. */
    public void purgeEvery10Minutes(ScheduledExecutorService scheduler) {
        // A scheduled task that throws is never run again: log the failure, retry next time.
        scheduler.scheduleWithFixedDelay(() -> Try.run(() -> mfa.purgeExpired().purge()).onFailure(e ->
                System.getLogger("twofold").log(System.Logger.Level.WARNING, "purge failed", e)), 10, 10, TimeUnit.MINUTES);
    }
}
