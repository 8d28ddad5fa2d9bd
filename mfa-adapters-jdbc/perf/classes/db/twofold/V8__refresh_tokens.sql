-- Refresh tokens (issue #19). One family per login: every token rotated out of it belongs to it, and
-- revoking the family (reuse detected, /oauth/revoke, an operator's block) kills them all at once.
-- Tokens are stored only as SHA-256 hashes. A NULL expiry is an infinite lifetime (Auth0's
-- infinite_token_lifetime / infinite_idle_token_lifetime); the idle expiry moves on with each use.
CREATE TABLE refresh_token_families (
    id              VARCHAR(128)  NOT NULL PRIMARY KEY,
    user_id         VARCHAR(255)  NOT NULL,
    client_id       VARCHAR(255)  NOT NULL,
    audience        VARCHAR(2048),
    scope           VARCHAR(4000) NOT NULL,
    mfa_passed      BOOLEAN       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    idle_expires_at TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refresh_token_families_by_user ON refresh_token_families (user_id);
CREATE INDEX refresh_token_families_by_expiry ON refresh_token_families (expires_at);
CREATE INDEX refresh_token_families_by_idle_expiry ON refresh_token_families (idle_expires_at);
CREATE INDEX refresh_token_families_by_revocation ON refresh_token_families (revoked_at);

-- retired_at is set by the one rotation that replaced the token; presenting it again is reuse.
CREATE TABLE refresh_tokens (
    token_hash VARCHAR(64)  NOT NULL PRIMARY KEY,
    family_id  VARCHAR(128) NOT NULL,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT refresh_tokens_family FOREIGN KEY (family_id) REFERENCES refresh_token_families (id) ON DELETE CASCADE
);
CREATE INDEX refresh_tokens_by_family ON refresh_tokens (family_id);

-- A client's refresh_token settings (Auth0's client refresh_token object); NULL lifetimes are infinite.
ALTER TABLE clients ADD COLUMN refresh_rotation VARCHAR(16) NOT NULL DEFAULT 'rotating';
ALTER TABLE clients ADD COLUMN refresh_lifetime_seconds BIGINT DEFAULT 2592000;
ALTER TABLE clients ADD COLUMN refresh_idle_lifetime_seconds BIGINT DEFAULT 1296000;
