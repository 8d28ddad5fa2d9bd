package io.twofold.mfa.memory;

import io.twofold.mfa.model.ImportCounts;
import io.twofold.mfa.model.ImportJob;
import io.twofold.mfa.model.ImportJobId;
import io.twofold.mfa.port.out.ImportJobStore;
import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import io.vavr.control.Option;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** An {@link ImportJobStore} in memory, for one node; every change of state is one synchronized compare-and-set. */
public final class InMemoryImportJobStore implements ImportJobStore {
    private final Map<ImportJobId, ImportJob> jobs = new HashMap<>();
    private final Map<ImportJobId, Instant> leases = new HashMap<>();
    private final Map<ImportJobId, TreeMap<Integer, String>> errors = new HashMap<>();

    @Override
    public synchronized void create(ImportJob job) {
        jobs.put(job.id(), job);
    }

    @Override
    public synchronized boolean start(ImportJobId id, Instant leaseUntil) {
        return change(id, ImportJob.Status.PENDING, job -> withStatus(job, ImportJob.Status.PROCESSING, job.counts(),
                Option.none()), leaseUntil);
    }

    @Override
    public synchronized boolean progress(ImportJobId id, ImportCounts counts, Instant leaseUntil) {
        return change(id, ImportJob.Status.PROCESSING, job -> withStatus(job, job.status(), counts, Option.none()),
                leaseUntil);
    }

    @Override
    public synchronized void rejected(ImportJobId id, int index, String line) {
        errors.merge(id, TreeMap.of(index, line), TreeMap::merge);
    }

    @Override
    public synchronized boolean complete(ImportJobId id, ImportCounts counts) {
        return change(id, ImportJob.Status.PROCESSING, job -> withStatus(job, ImportJob.Status.COMPLETED, counts,
                Option.none()), null);
    }

    @Override
    public synchronized boolean fail(ImportJobId id, ImportCounts counts, String reason) {
        ImportJob job = jobs.get(id);
        if (job == null || job.status().finished()) {
            return false;
        }
        jobs.put(id, withStatus(job, ImportJob.Status.FAILED, counts, Option.some(reason)));
        leases.remove(id);
        return true;
    }

    @Override
    public synchronized Option<ImportJob> find(ImportJobId id) {
        return Option.of(jobs.get(id));
    }

    @Override
    public synchronized List<String> errors(ImportJobId id) {
        return Option.of(errors.get(id)).map(lines -> lines.values().toList()).getOrElse(List.empty());
    }

    @Override
    public synchronized int failAbandoned(Instant now, String reason) {
        List<ImportJobId> abandoned = List.ofAll(leases.entrySet())
                .filter(lease -> lease.getValue().isBefore(now)
                        && jobs.get(lease.getKey()).status() == ImportJob.Status.PROCESSING)
                .map(Map.Entry::getKey);
        abandoned.forEach(id -> fail(id, jobs.get(id).counts(), reason));
        return abandoned.size();
    }

    private boolean change(ImportJobId id, ImportJob.Status from, java.util.function.UnaryOperator<ImportJob> next,
                           Instant leaseUntil) {
        ImportJob job = jobs.get(id);
        if (job == null || job.status() != from) {
            return false;
        }
        ImportJob changed = next.apply(job);
        jobs.put(id, changed);
        if (changed.status() == ImportJob.Status.PROCESSING) {
            leases.put(id, leaseUntil);
        } else {
            leases.remove(id);
        }
        return true;
    }

    private static ImportJob withStatus(ImportJob job, ImportJob.Status status, ImportCounts counts,
                                        Option<String> failure) {
        return new ImportJob(job.id(), status, job.connection(), job.format(), job.upsert(), job.externalId(), counts,
                failure, job.createdAt());
    }
}
