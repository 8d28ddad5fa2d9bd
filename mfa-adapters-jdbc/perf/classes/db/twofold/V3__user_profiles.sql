-- The operator API's user profiles (Auth0's user object) on the existing users table.
-- A user of a connection needs a username or an email, not both: username and login_key may be NULL.
ALTER TABLE users ALTER COLUMN username DROP NOT NULL;
ALTER TABLE users ALTER COLUMN login_key DROP NOT NULL;
ALTER TABLE users ADD COLUMN email_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN phone_number VARCHAR(32);
ALTER TABLE users ADD COLUMN phone_verified BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN given_name VARCHAR(255);
ALTER TABLE users ADD COLUMN family_name VARCHAR(255);
ALTER TABLE users ADD COLUMN name VARCHAR(255);
ALTER TABLE users ADD COLUMN nickname VARCHAR(255);
ALTER TABLE users ADD COLUMN picture VARCHAR(2048);
-- JSON objects as text (no JSON type common to H2 and PostgreSQL); searched through user_metadata_values.
ALTER TABLE users ADD COLUMN user_metadata TEXT;
ALTER TABLE users ADD COLUMN app_metadata TEXT;
-- Read by the password check in the same query as the hash, so a block counts at once on every node.
ALTER TABLE users ADD COLUMN blocked BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN updated_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE users ADD COLUMN last_password_reset TIMESTAMP WITH TIME ZONE;
UPDATE users SET updated_at = created_at;
ALTER TABLE users ALTER COLUMN updated_at SET NOT NULL;

-- One email per connection, as one username per connection (users_realm_login): a duplicate is
-- refused by the database, so two operators creating the same user at once get one user.
ALTER TABLE users ADD CONSTRAINT users_realm_email UNIQUE (realm, email_key);
DROP INDEX users_by_email;

-- The top-level values of each user's metadata, one row per string, number or boolean (per element
-- of an array), so a search filters in the database. Longer values are kept but not searchable.
CREATE TABLE user_metadata_values (
    user_id    VARCHAR(255) NOT NULL,
    bag        VARCHAR(4)   NOT NULL,
    meta_key   VARCHAR(255) NOT NULL,
    meta_value VARCHAR(512) NOT NULL,
    CONSTRAINT user_metadata_values_bag CHECK (bag IN ('user', 'app'))
);
CREATE INDEX user_metadata_values_lookup ON user_metadata_values (bag, meta_key, meta_value);
CREATE INDEX user_metadata_values_by_user ON user_metadata_values (user_id);
