package io.twofold.mfa.app.jobs;

import io.micronaut.scheduling.annotation.Scheduled;
import io.twofold.mfa.usecase.operator.UserImportService;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Housekeeping for imports, on the housekeeping schedule and on every node: a job whose node stopped
 * renewing its lease (it died mid-import) is marked failed, so no job stays {@code processing} for ever.
 */
@Singleton
public final class AbandonedImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(AbandonedImportJobs.class);

    private final UserImportService imports;

    public AbandonedImportJobs(UserImportService imports) {
        this.imports = imports;
    }

    @Scheduled(fixedDelay = "${twofold.housekeeping.interval:10m}",
            initialDelay = "${twofold.housekeeping.initial-delay:1m}")
    public void run() {
        try {
            int failed = imports.failAbandoned();
            if (failed > 0) {
                LOG.warn("housekeeping marked {} import jobs failed: their node stopped while running them", failed);
            }
        } catch (RuntimeException e) {
            LOG.warn("housekeeping of import jobs failed, retrying next run: {}", e.getClass().getSimpleName());
            LOG.debug("import job housekeeping failure", e);
        }
    }
}
