package io.twofold.mfa.usecase.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.Connections;
import io.twofold.mfa.model.ImportCounts;
import io.twofold.mfa.model.ImportJob;
import io.twofold.mfa.model.ImportJobId;
import io.twofold.mfa.port.in.operator.ImportOrder;
import io.twofold.mfa.port.in.operator.UserImports;
import io.twofold.mfa.port.in.operator.UsersFile;
import io.twofold.mfa.port.out.AuditLog;
import io.twofold.mfa.port.out.ImportJobStore;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.port.out.UserAccounts;
import io.twofold.mfa.port.out.UsersFileReader;
import io.twofold.mfa.usecase.internal.AuditTrail;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Runs bulk imports as jobs every node can read. The node that runs a job holds a lease on it and
 * moves it on as users go by; a node that dies stops moving it, and {@link #failAbandoned} (run by
 * housekeeping on any node) then fails the job, so no job stays {@code processing} for ever.
 */
public final class UserImportService implements UserImports {
    static final String NODE_BUSY = "This node is running as many imports as it may; try again later.";
    static final String STOPPED = "The import stopped on an internal error; users imported before it stay imported.";
    static final String ABANDONED = "The node running the import stopped; users imported before it stay imported.";

    private final ImportJobStore jobs;
    private final UsersFileReader reader;
    private final UserAccounts accounts;
    private final Executor executor;
    private final AuditTrail audit;
    private final RandomSource random;
    private final Clock clock;
    private final Duration lease;

    public UserImportService(ImportJobStore jobs, UsersFileReader reader, UserAccounts accounts, Executor executor,
                             AuditLog auditLog, RandomSource random, Clock clock, Duration lease) {
        this.jobs = jobs;
        this.reader = reader;
        this.accounts = accounts;
        this.executor = executor;
        this.audit = new AuditTrail(auditLog, clock);
        this.random = random;
        this.clock = clock;
        this.lease = lease;
    }

    @Override
    public Either<OperatorError, ImportJob> start(ClientId operator, ImportOrder order, UsersFile file) {
        Option<String> connection = connectionNamed(order.connection());
        if (connection.isEmpty()) {
            file.discard();
            return Either.left(new OperatorError.UnknownConnection());
        }
        ImportJob job = ImportJob.pending(newId(), connection.get(), order.format(), order.upsert(),
                order.externalId(), clock.instant());
        jobs.create(job);
        audit.record("mgmt.job.created", Option.none(), Option.of(operator), "job_id", job.id().value(),
                "connection", job.connection(), "format", job.format().wireName());
        if (order.waitForEnd()) {
            run(operator, job, file);
        } else {
            try {
                executor.execute(() -> run(operator, job, file));
            } catch (RejectedExecutionException busy) {
                file.discard();
                jobs.fail(job.id(), ImportCounts.NONE, NODE_BUSY);
            }
        }
        return Either.right(jobs.find(job.id()).getOrElse(job));
    }

    @Override
    public Option<ImportJob> find(ImportJobId id) {
        return jobs.find(id);
    }

    @Override
    public List<String> errors(ImportJobId id) {
        return jobs.errors(id);
    }

    /** Fails the jobs whose node stopped renewing their lease; how many. */
    public int failAbandoned() {
        return jobs.failAbandoned(clock.instant(), ABANDONED);
    }

    private ImportJobId newId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder("job_");
        for (int i = 0; i < ImportJobId.LENGTH; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return new ImportJobId(id.toString());
    }

    /** The connection a name or a {@code con_} id stands for, when users may live in it. */
    private Option<String> connectionNamed(String reference) {
        if (reference.equals(Connections.idOf(Connections.DEFAULT))) {
            return Option.some(Connections.DEFAULT);
        }
        return Option.of(reference).filter(name -> !name.isBlank() && accounts.knowsConnection(name));
    }

    private void run(ClientId operator, ImportJob job, UsersFile file) {
        Lease held = new Lease(job.id());
        try {
            if (!jobs.start(job.id(), clock.instant().plus(lease))) {
                return;
            }
            Either<String, ImportCounts> outcome;
            try (InputStream in = file.open()) {
                outcome = reader.read(in, job.format(), job.connection(), job.upsert(), held);
            }
            outcome.fold(reason -> jobs.fail(job.id(), held.counts, reason), counts -> jobs.complete(job.id(), counts));
            audit.record("mgmt.job.ended", Option.none(), Option.of(operator), "job_id", job.id().value(),
                    "outcome", outcome.isRight() ? "success" : "failure",
                    "inserted", String.valueOf(held.counts.inserted()), "updated", String.valueOf(held.counts.updated()),
                    "failed", String.valueOf(held.counts.failed()));
        } catch (LeaseLost lost) {
            // Housekeeping has failed the job already: what was imported stays, nothing more is.
        } catch (IOException e) {
            jobs.fail(job.id(), held.counts, STOPPED);
            throw new UncheckedIOException("the users file of " + job.id().value() + " could not be read", e);
        } catch (RuntimeException e) {
            jobs.fail(job.id(), held.counts, STOPPED);
            throw e;
        } finally {
            file.discard();
        }
    }

    /** The counts so far, kept in the store with the lease, which moves on a third of the way through it. */
    private final class Lease implements UsersFileReader.Progress {
        private final ImportJobId id;
        private ImportCounts counts = ImportCounts.NONE;
        private java.time.Instant renewAt;

        Lease(ImportJobId id) {
            this.id = id;
            this.renewAt = clock.instant().plus(lease.dividedBy(3));
        }

        @Override
        public void counted(ImportCounts now) {
            counts = now;
            if (!clock.instant().isBefore(renewAt)) {
                if (!jobs.progress(id, counts, clock.instant().plus(lease))) {
                    throw new LeaseLost();
                }
                renewAt = clock.instant().plus(lease.dividedBy(3));
            }
        }

        @Override
        public void rejected(int index, String line) {
            jobs.rejected(id, index, line);
        }
    }

    /** Thrown through the reader to stop it between two users once the job is no longer this node's. */
    private static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("the import job's lease was lost", null, false, false);
        }
    }
}
