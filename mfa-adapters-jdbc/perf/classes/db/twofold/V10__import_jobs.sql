-- Bulk user imports (issue #12, POST /api/v2/jobs/users-imports). A job is read from any node; the
-- node that runs it holds a lease it renews while it works, so housekeeping on any node can mark the
-- job of a node that died 'failed' once its lease has run out.
CREATE TABLE import_jobs (
    id             VARCHAR(64)   NOT NULL PRIMARY KEY,
    status         VARCHAR(16)   NOT NULL,
    connection_name VARCHAR(255) NOT NULL,
    external_id    VARCHAR(255),
    file_format    VARCHAR(16)   NOT NULL,
    upsert         BOOLEAN       NOT NULL,
    inserted       INTEGER       NOT NULL DEFAULT 0,
    updated        INTEGER       NOT NULL DEFAULT 0,
    failed         INTEGER       NOT NULL DEFAULT 0,
    total          INTEGER       NOT NULL DEFAULT 0,
    failure        VARCHAR(1000),
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX import_jobs_by_lease ON import_jobs (status, lease_until);

-- One line per rejected user: a JSON object {"user": <the user, secrets redacted>, "errors": [...]}.
CREATE TABLE import_job_errors (
    job_id     VARCHAR(64) NOT NULL,
    line_no    INTEGER     NOT NULL,
    line       TEXT        NOT NULL,
    PRIMARY KEY (job_id, line_no),
    CONSTRAINT import_job_errors_job FOREIGN KEY (job_id) REFERENCES import_jobs (id) ON DELETE CASCADE
);
