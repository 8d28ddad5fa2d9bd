-- Imported password hashes (issue 12): bcrypt, PBKDF2, scrypt, Argon2 in any parameters, salted
-- digests, HMAC with its key, LDAP values. An HMAC key or a long PBKDF2 hash does not fit in 255
-- characters; StoredHash refuses anything over 1024. Widening a VARCHAR rewrites nothing in PostgreSQL.
ALTER TABLE users ALTER COLUMN password_hash SET DATA TYPE VARCHAR(1024);
