package io.twofold.mfa.jdbc.testing;

import io.twofold.mfa.jdbc.JdbcStorage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.function.Supplier;

/**
 * One database and its migrated storage per test class, emptied before each test. Register it
 * in a static field: {@code @RegisterExtension static final DatabaseExtension DB = DatabaseExtension.postgres();}
 * A PostgreSQL one skips the class (or fails it) when there is no PostgreSQL, see {@link TestDatabases}.
 */
public final class DatabaseExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final Supplier<TestDatabase> factory;
    private TestDatabase database;
    private JdbcStorage storage;

    private DatabaseExtension(Supplier<TestDatabase> factory) {
        this.factory = factory;
    }

    public static DatabaseExtension h2() {
        return new DatabaseExtension(TestDatabases::h2);
    }

    public static DatabaseExtension postgres() {
        return new DatabaseExtension(TestDatabases::postgres);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        database = factory.get();
        storage = database.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        database.deleteAllRows();
        // The rows went behind the stores' back, so the caches of clients and users must go too.
        storage.clearCaches();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (storage != null) {
            storage.close();
        }
        if (database != null) {
            database.close();
        }
    }

    public JdbcStorage storage() {
        return storage;
    }

    public TestDatabase database() {
        return database;
    }
}
