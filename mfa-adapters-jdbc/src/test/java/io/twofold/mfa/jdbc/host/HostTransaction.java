package io.twofold.mfa.jdbc.host;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.logging.Logger;

/**
 * What a transaction-aware DataSource (Spring's {@code TransactionAwareDataSourceProxy}) does inside
 * the host's transaction: every caller gets the host's bound connection, and closing it only releases it.
 */
final class HostTransaction implements DataSource {
    private final Connection bound;

    private HostTransaction(Connection bound) {
        this.bound = bound;
    }

    static DataSource boundTo(Connection connection) {
        Connection releaseOnly = (Connection) Proxy.newProxyInstance(HostTransaction.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        return new HostTransaction(releaseOnly);
    }

    @Override
    public Connection getConnection() {
        return bound;
    }

    @Override
    public Connection getConnection(String username, String password) {
        return bound;
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() {
        return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
