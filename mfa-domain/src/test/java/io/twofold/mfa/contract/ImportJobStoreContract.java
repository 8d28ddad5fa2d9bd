package io.twofold.mfa.contract;

import io.twofold.mfa.model.ImportCounts;
import io.twofold.mfa.model.ImportJob;
import io.twofold.mfa.model.ImportJobId;
import io.twofold.mfa.model.UsersFileFormat;
import io.twofold.mfa.port.out.ImportJobStore;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@link ImportJobStore} must do. Extend it with a fresh, empty store per test. */
public abstract class ImportJobStoreContract {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.123Z");
    private static final ImportCounts SOME = new ImportCounts(2, 1, 1, 4);

    protected ImportJobStore store;

    protected abstract ImportJobStore newStore();

    @BeforeEach
    protected void createStore() {
        store = newStore();
    }

    private ImportJob created(String id) {
        ImportJob job = ImportJob.pending(new ImportJobId(id), "Username-Password-Authentication", UsersFileFormat.KEYCLOAK,
                true, Option.some("batch-7"), NOW);
        store.create(job);
        return job;
    }

    @Test
    public void keepsAPendingJobAsCreated() {
        ImportJob job = created("job_AAAAAAAAAAAAAAA1");

        assertThat(store.find(job.id())).contains(job);
        assertThat(store.find(new ImportJobId("job_AAAAAAAAAAAAAAA2"))).isEmpty();
        assertThat(store.errors(job.id())).isEmpty();
    }

    @Test
    public void runsAJobFromPendingToCompleted() {
        ImportJob job = created("job_AAAAAAAAAAAAAAA1");

        assertThat(store.start(job.id(), NOW.plusSeconds(60))).isTrue();
        assertThat(store.start(job.id(), NOW.plusSeconds(60))).as("a job starts once").isFalse();
        assertThat(store.progress(job.id(), new ImportCounts(1, 0, 0, 1), NOW.plusSeconds(90))).isTrue();
        assertThat(store.find(job.id()).get().status()).isEqualTo(ImportJob.Status.PROCESSING);
        assertThat(store.find(job.id()).get().counts()).isEqualTo(new ImportCounts(1, 0, 0, 1));
        assertThat(store.complete(job.id(), SOME)).isTrue();

        ImportJob done = store.find(job.id()).get();
        assertThat(done.status()).isEqualTo(ImportJob.Status.COMPLETED);
        assertThat(done.counts()).isEqualTo(SOME);
        assertThat(done.failure()).isEmpty();
        assertThat(done.createdAt().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(NOW);
        assertThat(store.fail(job.id(), SOME, "late")).as("a finished job never changes").isFalse();
        assertThat(store.progress(job.id(), SOME, NOW.plusSeconds(120))).isFalse();
    }

    @Test
    public void keepsErrorLinesInFileOrder() {
        ImportJob job = created("job_AAAAAAAAAAAAAAA1");
        store.start(job.id(), NOW.plusSeconds(60));

        store.rejected(job.id(), 7, "{\"errors\":[{\"code\":\"B\"}]}");
        store.rejected(job.id(), 2, "{\"errors\":[{\"code\":\"A\"}]}");

        assertThat(store.errors(job.id())).containsExactly("{\"errors\":[{\"code\":\"A\"}]}",
                "{\"errors\":[{\"code\":\"B\"}]}");
    }

    @Test
    public void failsAJobWithItsReason() {
        ImportJob job = created("job_AAAAAAAAAAAAAAA1");

        assertThat(store.fail(job.id(), ImportCounts.NONE, "The file is not a JSON array.")).isTrue();

        ImportJob failed = store.find(job.id()).get();
        assertThat(failed.status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(failed.failure()).contains("The file is not a JSON array.");
        assertThat(store.start(job.id(), NOW.plusSeconds(60))).isFalse();
    }

    @Test
    public void failsOnlyProcessingJobsWhoseLeaseRanOut() {
        ImportJob lapsed = created("job_AAAAAAAAAAAAAAA1");
        ImportJob renewed = created("job_AAAAAAAAAAAAAAA2");
        ImportJob pending = created("job_AAAAAAAAAAAAAAA3");
        store.start(lapsed.id(), NOW.plusSeconds(60));
        store.progress(lapsed.id(), SOME, NOW.plusSeconds(60));
        store.start(renewed.id(), NOW.plusSeconds(60));
        store.progress(renewed.id(), SOME, NOW.plusSeconds(600));

        assertThat(store.failAbandoned(NOW.plusSeconds(61), "node gone")).isEqualTo(1);

        assertThat(store.find(lapsed.id()).get().status()).isEqualTo(ImportJob.Status.FAILED);
        assertThat(store.find(lapsed.id()).get().counts()).as("the counts so far stay").isEqualTo(SOME);
        assertThat(store.find(lapsed.id()).get().failure()).contains("node gone");
        assertThat(store.find(renewed.id()).get().status()).isEqualTo(ImportJob.Status.PROCESSING);
        assertThat(store.find(pending.id()).get().status()).isEqualTo(ImportJob.Status.PENDING);
        assertThat(store.progress(lapsed.id(), SOME, NOW.plusSeconds(900))).as("its node has lost it").isFalse();
        assertThat(store.complete(lapsed.id(), SOME)).isFalse();
    }

    @Test
    public void nodesRacingToStartAJobHaveOneWinner() {
        ImportJob job = created("job_AAAAAAAAAAAAAAA1");
        try (Race race = new Race()) {
            assertThat(race.countWinners(thread -> store.start(job.id(), NOW.plusSeconds(60)))).isEqualTo(1);
        }
    }

    @Test
    public void aRunningNodeAndHousekeepingRacingToFinishAJobHaveOneWinner() {
        ImportJob job = created("job_AAAAAAAAAAAAAAA1");
        store.start(job.id(), NOW.plusSeconds(60));
        try (Race race = new Race()) {
            long winners = race.countWinners(thread -> thread % 2 == 0
                    ? store.complete(job.id(), SOME)
                    : store.failAbandoned(NOW.plusSeconds(61), "node gone") == 1);
            assertThat(winners).isEqualTo(1);
        }
    }
}
