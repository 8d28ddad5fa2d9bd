package io.twofold.mfa.port.in.operator;

import io.twofold.mfa.error.OperatorError;
import io.twofold.mfa.model.ClientId;
import io.twofold.mfa.model.ImportJob;
import io.twofold.mfa.model.ImportJobId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Bulk imports of users files (Auth0's users-imports jobs): start one, follow it, read its error lines. */
public interface UserImports {

    /**
     * Starts a job over the file: pending and run in the background, or, when the order says so, run
     * to its end before this returns. An unknown connection is refused and the file discarded.
     */
    Either<OperatorError, ImportJob> start(ClientId operator, ImportOrder order, UsersFile file);

    Option<ImportJob> find(ImportJobId id);

    /** The job's error lines (JSON objects) in file order; none for an unknown job. */
    List<String> errors(ImportJobId id);
}
