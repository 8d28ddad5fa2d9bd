package io.twofold.mfa.http.management.jobs;

import io.twofold.mfa.model.Connections;
import io.twofold.mfa.model.ImportJob;
import io.twofold.mfa.http.management.Timestamps;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A job as Auth0 shows it (spec 7.1, 7.2): {@code type users_import}, status, connection and its id,
 * {@code created_at}, {@code id}, {@code external_id} when given, the summary once the job has started,
 * and for a failed job why, in {@code status_details} (a member N6 reads on jobs).
 */
final class JobJson {
    private JobJson() {
    }

    static Map<String, Object> of(ImportJob job) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "users_import");
        body.put("status", job.status().wireName());
        body.put("connection_id", Connections.idOf(job.connection()));
        body.put("connection", job.connection());
        body.put("created_at", Timestamps.iso(job.createdAt()));
        body.put("id", job.id().value());
        job.externalId().forEach(id -> body.put("external_id", id));
        if (job.status() != ImportJob.Status.PENDING) {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("failed", job.counts().failed());
            summary.put("updated", job.counts().updated());
            summary.put("inserted", job.counts().inserted());
            summary.put("total", job.counts().total());
            body.put("summary", summary);
        }
        job.failure().forEach(reason -> body.put("status_details", reason));
        return body;
    }
}
