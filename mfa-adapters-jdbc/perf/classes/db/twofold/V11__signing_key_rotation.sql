-- Signing-key rotation (issue #16, scenario 5). A rotation moves the current key to a slot of its
-- own (its kid) and stamps when it stopped signing; it stays to verify the tokens it signed until
-- they have expired, then goes. The slot grows to hold a kid.
ALTER TABLE signing_keys ALTER COLUMN slot SET DATA TYPE VARCHAR(255);
ALTER TABLE signing_keys ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;
-- Exactly the current key signs; every other key kept is retired.
ALTER TABLE signing_keys ADD CONSTRAINT signing_keys_retired
    CHECK ((slot = 'current' AND retired_at IS NULL) OR (slot <> 'current' AND retired_at IS NOT NULL));
-- The resealer looks for values sealed under a key other than the current one.
CREATE INDEX authenticators_by_seed_key ON authenticators (seed_key_id);
