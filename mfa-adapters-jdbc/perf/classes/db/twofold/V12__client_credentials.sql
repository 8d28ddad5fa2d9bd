-- Private Key JWT (issue #19): the public keys clients sign their assertions with, and the ids of the
-- assertions already used. Portable PostgreSQL / H2-in-PostgreSQL-mode SQL, like V1.

-- Auth0's client credentials of type public_key. pem is the SubjectPublicKeyInfo; kid its RFC 7638
-- thumbprint, unique per client so that an assertion's kid picks one key. A client whose auth_method
-- is 'private_key_jwt' authenticates with these keys and never with a secret.
CREATE TABLE client_credentials (
    id         VARCHAR(64)   NOT NULL PRIMARY KEY,
    client_id  VARCHAR(255)  NOT NULL,
    name       VARCHAR(200)  NOT NULL,
    kid        VARCHAR(128)  NOT NULL,
    alg        VARCHAR(16)   NOT NULL,
    pem        VARCHAR(8000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT client_credentials_client FOREIGN KEY (client_id) REFERENCES clients (client_id) ON DELETE CASCADE,
    CONSTRAINT client_credentials_kid UNIQUE (client_id, kid)
);

-- One row per assertion used, until it expires: the primary key is what refuses a replay, on every
-- node at once (RFC 7523 section 3, item 7).
CREATE TABLE used_client_assertions (
    client_id  VARCHAR(255) NOT NULL,
    jti        VARCHAR(255) NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT used_client_assertions_pk PRIMARY KEY (client_id, jti)
);
CREATE INDEX used_client_assertions_by_expiry ON used_client_assertions (expires_at);
