package io.twofold.mfa.jdbc.host;

import io.twofold.mfa.jdbc.testing.TestDatabase;
import io.twofold.mfa.jdbc.testing.TestDatabases;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;

class H2HostDataSourceTest extends HostDataSourceTest {
    @Override
    protected TestDatabase newDatabase() {
        return TestDatabases.h2();
    }

    @Override
    protected DataSource plainDataSource(TestDatabase database) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        return dataSource;
    }
}
