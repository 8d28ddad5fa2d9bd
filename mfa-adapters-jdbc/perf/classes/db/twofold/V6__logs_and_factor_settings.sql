-- The Management API's logs: each event keeps its Auth0 log type (io.twofold.mfa.model.LogTypes),
-- so GET /api/v2/logs?q=type:gd_auth_succeed is an indexed filter. The id (a sequence) is the log id.
ALTER TABLE audit_events ADD COLUMN log_type VARCHAR(64);

-- Events recorded before this migration: the codes that need no detail; the others show their
-- internal type until they age out.
UPDATE audit_events SET log_type = CASE event_type
    WHEN 'login.success' THEN 'sepft'
    WHEN 'login.failure' THEN 'fp'
    WHEN 'login.blocked' THEN 'limit_wc'
    WHEN 'login.mfa_required' THEN 'mfar'
    WHEN 'enrollment.started' THEN 'gd_start_enroll'
    WHEN 'authenticator.confirmed' THEN 'gd_enrollment_complete'
    WHEN 'authenticator.deleted' THEN 'gd_unenroll'
    WHEN 'housekeeping.purged' THEN 'twofold_purge'
    ELSE event_type END;

CREATE INDEX audit_events_by_log_type ON audit_events (log_type, id);
CREATE INDEX audit_events_by_client ON audit_events (client_id, id);
CREATE INDEX audit_events_by_user_id ON audit_events (user_id, id);

-- The operator's factor switches (GET|PUT /api/v2/guardian/factors), a row per Twofold factor type,
-- read by every login, enrollment, challenge and grant so a change holds on every node at once.
-- All on: what Twofold did before the switches existed (a missing row counts as on, too).
CREATE TABLE factor_settings (
    factor     VARCHAR(32) NOT NULL PRIMARY KEY,
    enabled    BOOLEAN     NOT NULL
);
INSERT INTO factor_settings (factor, enabled) VALUES ('otp', TRUE);
INSERT INTO factor_settings (factor, enabled) VALUES ('sms', TRUE);
INSERT INTO factor_settings (factor, enabled) VALUES ('email', TRUE);
INSERT INTO factor_settings (factor, enabled) VALUES ('recovery-code', TRUE);

-- The tenant's MFA policies (GET|PUT /api/v2/guardian/policies): a row per policy in force.
CREATE TABLE mfa_policies (
    policy VARCHAR(64) NOT NULL PRIMARY KEY
);
