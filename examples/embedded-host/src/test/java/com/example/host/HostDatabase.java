package com.example.host;

import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.seal.Keyring;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.util.UUID;

/** The host's own database for a test: a fresh H2 in-memory one, and a sealing key of the host's. */
final class HostDatabase {
    private HostDatabase() {
    }

    static DataSource fresh() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:host_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1"
                + JdbcStorage.H2_OPTIONS);
        dataSource.setUser("sa");
        return dataSource;
    }

    /** In production the key comes from the host's secret store, never from code. */
    static Keyring keyring() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Keyring.single("host-key-1", key);
    }
}
