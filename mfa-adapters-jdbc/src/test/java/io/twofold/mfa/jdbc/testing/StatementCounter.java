package io.twofold.mfa.jdbc.testing;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Records every statement a {@link Jdbi} runs while installed, to show what reaches the database.
 * Close it to put the no-op logger back: the storage is shared by the tests of a class.
 */
public final class StatementCounter implements SqlLogger, AutoCloseable {
    private final Jdbi jdbi;
    private final List<String> statements = new ArrayList<>();

    private StatementCounter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public static StatementCounter on(Jdbi jdbi) {
        StatementCounter counter = new StatementCounter(jdbi);
        jdbi.setSqlLogger(counter);
        return counter;
    }

    @Override
    public synchronized void logAfterExecution(StatementContext context) {
        statements.add(context.getRenderedSql().strip());
    }

    /** The statements run since installed or last {@link #reset}. */
    public synchronized List<String> statements() {
        return List.copyOf(statements);
    }

    public synchronized void reset() {
        statements.clear();
    }

    @Override
    public void close() {
        jdbi.setSqlLogger(SqlLogger.NOP_SQL_LOGGER);
    }
}
