package io.twofold.mfa.jdbc.host;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;

class PostgresHostDataSourceTest extends HostDataSourceTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.postgres();
    }

    @Override
    protected DataSource plainDataSource(TestDatabase database) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return dataSource;
    }
}
