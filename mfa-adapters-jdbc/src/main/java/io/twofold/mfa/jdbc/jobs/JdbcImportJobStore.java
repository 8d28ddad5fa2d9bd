package io.twofold.mfa.jdbc.jobs;

import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.tx.Handles;
import io.twofold.mfa.jdbc.tx.Sql;
import io.twofold.mfa.model.ImportCounts;
import io.twofold.mfa.model.ImportJob;
import io.twofold.mfa.model.ImportJobId;
import io.twofold.mfa.port.out.ImportJobStore;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.jdbi.v3.core.statement.Update;

import java.time.Instant;

/**
 * Import jobs in {@code import_jobs} and their error lines in {@code import_job_errors}. Every change
 * of state names the state it leaves in its WHERE clause, so of two nodes (or a node and housekeeping)
 * changing one job at once, exactly one changes it.
 */
public final class JdbcImportJobStore implements ImportJobStore {
    private static final ImportJobRows ROWS = new ImportJobRows();
    private static final String COUNTS = "inserted = :inserted, updated = :updated, failed = :failed, total = :total";

    private final Handles handles;

    public JdbcImportJobStore(Handles handles) {
        this.handles = handles;
    }

    /** The store on the database of {@code storage}. */
    public static JdbcImportJobStore on(JdbcStorage storage) {
        return new JdbcImportJobStore(new Handles(storage.jdbi()));
    }

    @Override
    public void create(ImportJob job) {
        handles.withHandle(handle -> counts(handle.createUpdate("INSERT INTO import_jobs (id, status, connection_name,"
                        + " external_id, file_format, upsert, inserted, updated, failed, total, failure, created_at)"
                        + " VALUES (:id, :status, :connection, :external, :format, :upsert, :inserted, :updated,"
                        + " :failed, :total, :failure, :created)"), job.counts())
                .bind("id", job.id().value())
                .bind("status", job.status().wireName())
                .bind("connection", job.connection())
                .bind("external", job.externalId().getOrNull())
                .bind("format", job.format().wireName())
                .bind("upsert", job.upsert())
                .bind("failure", job.failure().getOrNull())
                .bind("created", Sql.at(job.createdAt()))
                .execute());
    }

    @Override
    public boolean start(ImportJobId id, Instant leaseUntil) {
        return handles.withHandle(handle -> handle.createUpdate("UPDATE import_jobs SET status = 'processing',"
                        + " lease_until = :lease WHERE id = :id AND status = 'pending'")
                .bind("id", id.value())
                .bind("lease", Sql.at(leaseUntil))
                .execute()) == 1;
    }

    @Override
    public boolean progress(ImportJobId id, ImportCounts counts, Instant leaseUntil) {
        return handles.withHandle(handle -> counts(handle.createUpdate("UPDATE import_jobs SET " + COUNTS
                        + ", lease_until = :lease WHERE id = :id AND status = 'processing'"), counts)
                .bind("id", id.value())
                .bind("lease", Sql.at(leaseUntil))
                .execute()) == 1;
    }

    @Override
    public void rejected(ImportJobId id, int index, String line) {
        handles.withHandle(handle -> handle.createUpdate("INSERT INTO import_job_errors (job_id, line_no, line)"
                        + " VALUES (:id, :index, :line)")
                .bind("id", id.value())
                .bind("index", index)
                .bind("line", line)
                .execute());
    }

    @Override
    public boolean complete(ImportJobId id, ImportCounts counts) {
        return handles.withHandle(handle -> counts(handle.createUpdate("UPDATE import_jobs SET status = 'completed', "
                        + COUNTS + ", lease_until = NULL WHERE id = :id AND status = 'processing'"), counts)
                .bind("id", id.value())
                .execute()) == 1;
    }

    @Override
    public boolean fail(ImportJobId id, ImportCounts counts, String reason) {
        return handles.withHandle(handle -> counts(handle.createUpdate("UPDATE import_jobs SET status = 'failed', "
                        + COUNTS + ", failure = :failure, lease_until = NULL"
                        + " WHERE id = :id AND status IN ('pending', 'processing')"), counts)
                .bind("id", id.value())
                .bind("failure", reason)
                .execute()) == 1;
    }

    @Override
    public Option<ImportJob> find(ImportJobId id) {
        return handles.withHandle(handle -> Option.ofOptional(handle.createQuery("SELECT " + ImportJobRows.COLUMNS
                        + " FROM import_jobs WHERE id = :id")
                .bind("id", id.value())
                .map(ROWS)
                .findOne()));
    }

    @Override
    public List<String> errors(ImportJobId id) {
        return handles.withHandle(handle -> List.ofAll(handle.createQuery("SELECT line FROM import_job_errors"
                        + " WHERE job_id = :id ORDER BY line_no")
                .bind("id", id.value())
                .mapTo(String.class)
                .list()));
    }

    @Override
    public int failAbandoned(Instant now, String reason) {
        // The counts stay as the node last wrote them with its lease.
        return handles.withHandle(handle -> handle.createUpdate("UPDATE import_jobs SET status = 'failed',"
                        + " failure = :failure, lease_until = NULL WHERE status = 'processing' AND lease_until < :now")
                .bind("failure", reason)
                .bind("now", Sql.at(now))
                .execute());
    }

    private static Update counts(Update update, ImportCounts counts) {
        return update.bind("inserted", counts.inserted())
                .bind("updated", counts.updated())
                .bind("failed", counts.failed())
                .bind("total", counts.total());
    }
}
