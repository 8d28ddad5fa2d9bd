-- What the operator API shows of a factor besides the factor itself:
--   name:         the label an operator gave it (authentication-methods "name");
--   last_auth_at: when it last proved a login. Written by the statements that already touch the row
--                 on a login (the TOTP step marker, the recovery code's replacement), so keeping it
--                 costs no extra statement; out-of-band factors do not record it.
ALTER TABLE authenticators ADD COLUMN name VARCHAR(255);
ALTER TABLE authenticators ADD COLUMN last_auth_at TIMESTAMP WITH TIME ZONE;
