-- ES256 access tokens per API (issue #14). Portable PostgreSQL / H2-in-PostgreSQL-mode SQL, like V1.

-- The algorithm an API's access tokens are signed with; every API registered before signs RS256.
ALTER TABLE resource_servers ADD COLUMN signing_alg VARCHAR(16) DEFAULT 'RS256' NOT NULL;
ALTER TABLE resource_servers ADD CONSTRAINT resource_servers_signing_alg CHECK (signing_alg IN ('RS256', 'ES256'));

-- An EC P-256 key signs ES256 beside the RSA key. Each algorithm has its own current slot: 'current'
-- stays the RSA key's (nodes that have not been upgraded yet go on reading it), 'current-ES256' is
-- the EC key's. The column says which algorithm a kept key signs, retired ones included, without
-- opening its sealed JWK; every key kept before is RSA.
ALTER TABLE signing_keys ADD COLUMN alg VARCHAR(16) DEFAULT 'RS256' NOT NULL;
ALTER TABLE signing_keys ADD CONSTRAINT signing_keys_alg CHECK (alg IN ('RS256', 'ES256'));
-- Exactly the current keys sign, one per algorithm in its own slot; every other key kept is retired.
ALTER TABLE signing_keys DROP CONSTRAINT signing_keys_retired;
ALTER TABLE signing_keys ADD CONSTRAINT signing_keys_retired CHECK (
    (slot = 'current' AND alg = 'RS256' AND retired_at IS NULL)
    OR (slot = 'current-ES256' AND alg = 'ES256' AND retired_at IS NULL)
    OR (slot NOT IN ('current', 'current-ES256') AND retired_at IS NOT NULL));
