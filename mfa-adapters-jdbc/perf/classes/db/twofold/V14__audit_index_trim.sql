-- Issue 14: every grant writes two audit rows, and every index on audit_events is written with
-- them. (user_id, occurred_at) from V1 serves nothing that (user_id, id) from V6 does not: the log
-- search orders by id and filters a time range within one user's rows. Portable PostgreSQL /
-- H2-in-PostgreSQL-mode SQL, like V1.
DROP INDEX IF EXISTS audit_events_by_user;
