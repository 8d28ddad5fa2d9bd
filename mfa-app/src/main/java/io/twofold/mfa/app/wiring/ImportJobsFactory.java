package io.twofold.mfa.app.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.twofold.mfa.app.InvalidConfigurationException;
import io.twofold.mfa.app.imports.UserImporter;
import io.twofold.mfa.app.jobs.ImportExecutor;
import io.twofold.mfa.app.jobs.ImporterFileReader;
import io.twofold.mfa.http.management.jobs.ImportUploadLimit;
import io.twofold.mfa.jdbc.JdbcStorage;
import io.twofold.mfa.jdbc.jobs.JdbcImportJobStore;
import io.twofold.mfa.port.out.RandomSource;
import io.twofold.mfa.usecase.operator.UserImportService;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/** Bulk import jobs: the jobs' store, the import engine behind them, the executor they run on, the file limit. */
@Factory
class ImportJobsFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ImportExecutor importExecutor() {
        return new ImportExecutor();
    }

    @Singleton
    UserImportService userImports(JdbcStorage storage, ImportExecutor executor, RandomSource random, Clock clock,
                                  @Value("${twofold.imports.lease:2m}") Duration lease) {
        return new UserImportService(JdbcImportJobStore.on(storage), new ImporterFileReader(UserImporter.on(storage)),
                storage.userAccounts(), executor, storage.auditLog(), random, clock, lease);
    }

    @Singleton
    ImportUploadLimit importUploadLimit(@Value("${twofold.imports.max-file-size:500KB}") String maxFileSize) {
        return new ImportUploadLimit(bytes(maxFileSize));
    }

    /** {@code MFA_IMPORT_MAX_FILE_SIZE}: bytes, or a number of KB, MB or GB (1024-based), e.g. 500KB or 20MB. */
    static long bytes(String setting) {
        String value = setting.trim().toUpperCase(Locale.ROOT);
        long unit = value.endsWith("KB") ? 1024L : value.endsWith("MB") ? 1024L * 1024 : value.endsWith("GB")
                ? 1024L * 1024 * 1024 : 1;
        String digits = unit == 1 ? value : value.substring(0, value.length() - 2).trim();
        try {
            long bytes = Math.multiplyExact(Long.parseLong(digits), unit);
            if (bytes >= 1 && bytes <= 1024L * 1024 * 1024) {
                return bytes;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new InvalidConfigurationException("MFA_IMPORT_MAX_FILE_SIZE must be a size from 1 byte to 1GB, such as"
                + " 512000, 500KB or 20MB; got " + setting);
    }
}
