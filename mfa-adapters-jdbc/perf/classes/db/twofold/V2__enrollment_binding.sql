-- A pending authenticator remembers what may confirm it (security fix: a factor planted with the
-- password alone must not survive the real user's enrollment):
--   enrolled_through: the MFA transaction whose mfa_token began it; NULL when an MFA API access
--                     token began it, and then any login of the user may confirm it;
--   companion_of:     for a recovery code handed out with an enrollment, that enrollment's factor.
ALTER TABLE authenticators ADD COLUMN enrolled_through VARCHAR(128);
ALTER TABLE authenticators ADD COLUMN companion_of VARCHAR(64);

-- Pending enrollments from before could be anyone's and carry no binding: drop them. They are at
-- most 24 hours old; their users enroll again.
DELETE FROM authenticators WHERE confirmed_at IS NULL;
