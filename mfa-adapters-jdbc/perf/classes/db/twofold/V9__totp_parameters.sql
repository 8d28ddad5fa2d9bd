-- How an imported TOTP authenticator makes its codes (Keycloak's OTP policies). NULL in all three:
-- Twofold's default, SHA1 / 6 digits / 30 s, which every authenticator enrolled here uses.
ALTER TABLE authenticators ADD COLUMN totp_algorithm VARCHAR(8);
ALTER TABLE authenticators ADD COLUMN totp_digits INTEGER;
ALTER TABLE authenticators ADD COLUMN totp_period INTEGER;
ALTER TABLE authenticators ADD CONSTRAINT authenticators_totp_parameters CHECK (
    (totp_algorithm IS NULL AND totp_digits IS NULL AND totp_period IS NULL)
    OR (kind = 'totp' AND totp_algorithm IN ('SHA1', 'SHA256', 'SHA512') AND totp_digits IN (6, 8)
        AND totp_period BETWEEN 1 AND 300));
