package io.twofold.mfa.jdbc.jobs;

import io.twofold.mfa.jdbc.tx.Columns;
import io.twofold.mfa.jdbc.tx.TableRows;
import io.twofold.mfa.model.ImportCounts;
import io.twofold.mfa.model.ImportJob;
import io.twofold.mfa.model.ImportJobId;
import io.twofold.mfa.model.UsersFileFormat;
import io.vavr.control.Option;

import java.sql.SQLException;
import java.util.Locale;

/** Reads an {@code import_jobs} row back into a job. */
final class ImportJobRows extends TableRows<ImportJob> {
    static final String COLUMNS = "id, status, connection_name, file_format, upsert, external_id, inserted, updated,"
            + " failed, total, failure, created_at";

    ImportJobRows() {
        super("");
    }

    @Override
    protected ImportJob map(Columns row) throws SQLException {
        return new ImportJob(new ImportJobId(row.text("id")),
                ImportJob.Status.valueOf(row.text("status").toUpperCase(Locale.ROOT)),
                row.text("connection_name"),
                UsersFileFormat.byWireName(row.text("file_format")).get(),
                row.bool("upsert"),
                Option.of(row.text("external_id")),
                new ImportCounts(row.integer("inserted"), row.integer("updated"), row.integer("failed"),
                        row.integer("total")),
                Option.of(row.text("failure")),
                row.instant("created_at"));
    }
}
