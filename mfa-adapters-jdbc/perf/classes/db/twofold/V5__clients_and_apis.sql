-- The operator API's clients, registered APIs (resource servers) and client grants.
-- Portable PostgreSQL / H2-in-PostgreSQL-mode SQL, like V1.

-- What the Management API shows of a client besides what the grants read. auth_method follows the
-- secret: a client without a secret hash is public ('none').
ALTER TABLE clients ADD COLUMN description VARCHAR(2000);
ALTER TABLE clients ADD COLUMN app_type VARCHAR(64);
ALTER TABLE clients ADD COLUMN auth_method VARCHAR(32) NOT NULL DEFAULT 'client_secret_post';
-- client_metadata and the other Auth0 client fields an operator sent, as JSON object text.
ALTER TABLE clients ADD COLUMN metadata VARCHAR(65536);
ALTER TABLE clients ADD COLUMN extra VARCHAR(65536);
UPDATE clients SET auth_method = 'none' WHERE secret_hash IS NULL;
CREATE INDEX clients_by_app_type ON clients (app_type, client_id);

CREATE TABLE resource_servers (
    id                   VARCHAR(64)  NOT NULL PRIMARY KEY,
    identifier           VARCHAR(600) NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    token_lifetime       INTEGER      NOT NULL,
    allow_offline_access BOOLEAN      NOT NULL,
    -- The audience a token request names finds one API only, whichever node registered it.
    CONSTRAINT resource_servers_identifier UNIQUE (identifier)
);

-- The permissions an API defines, in the order the operator gave them.
CREATE TABLE resource_server_scopes (
    resource_server_id VARCHAR(64)  NOT NULL,
    position           INTEGER      NOT NULL,
    scope_value        VARCHAR(280) NOT NULL,
    description        VARCHAR(500) NOT NULL,
    CONSTRAINT resource_server_scopes_pk PRIMARY KEY (resource_server_id, position)
);

CREATE TABLE client_grants (
    id        VARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id VARCHAR(255)  NOT NULL,
    audience  VARCHAR(600)  NOT NULL,
    -- Space-separated: a scope value never holds whitespace.
    scope     VARCHAR(20000) NOT NULL,
    -- One grant per client and API, enforced here so that two operators racing cannot make two.
    CONSTRAINT client_grants_client_audience UNIQUE (client_id, audience)
);
CREATE INDEX client_grants_by_audience ON client_grants (audience, id);
