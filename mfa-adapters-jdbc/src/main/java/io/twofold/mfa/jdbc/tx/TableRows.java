package io.twofold.mfa.jdbc.tx;

import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps a table's columns back into a model value; a prefix reads the table joined into another query. */
public abstract class TableRows<T> implements RowMapper<T> {
    private final String prefix;

    /** @param prefix what the query puts before each of this table's column names; empty when it reads the table alone */
    protected TableRows(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public final T map(ResultSet rs, StatementContext ctx) throws SQLException {
        return map(new Columns(rs, prefix));
    }

    /** The value in this table's columns of the current row. */
    protected abstract T map(Columns row) throws SQLException;
}
