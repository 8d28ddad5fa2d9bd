package io.twofold.mfa.port.out;

import io.twofold.mfa.model.ImportCounts;
import io.twofold.mfa.model.ImportJob;
import io.twofold.mfa.model.ImportJobId;
import io.vavr.collection.List;
import io.vavr.control.Option;

import java.time.Instant;

/**
 * Bulk import jobs and the error line of every user they refused, shared by every node. Each change
 * of state is one conditional update, so a job is run by one node only and a job that has finished
 * (or that housekeeping has given up on) never changes again.
 */
public interface ImportJobStore {

    /** Keeps a new pending job. */
    void create(ImportJob job);

    /** Pending → processing with a lease until {@code leaseUntil}; false when the job was not pending. */
    boolean start(ImportJobId id, Instant leaseUntil);

    /** Moves a processing job's lease on and records its counts so far; false when it is no longer processing. */
    boolean progress(ImportJobId id, ImportCounts counts, Instant leaseUntil);

    /** The error line (a JSON object) of the user at {@code index} in the file. */
    void rejected(ImportJobId id, int index, String line);

    /** Processing → completed with its final counts; false when it was no longer processing. */
    boolean complete(ImportJobId id, ImportCounts counts);

    /** Pending or processing → failed, with the reason and the counts so far; false when it had finished. */
    boolean fail(ImportJobId id, ImportCounts counts, String reason);

    Option<ImportJob> find(ImportJobId id);

    /** The job's error lines, in the order of the users in the file. */
    List<String> errors(ImportJobId id);

    /** Fails every processing job whose lease ran out before {@code now} (its node died); how many. */
    int failAbandoned(Instant now, String reason);
}
