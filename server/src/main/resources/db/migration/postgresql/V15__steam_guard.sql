-- Steam Guard entries: a TOTP whose code is written in Steam's 26-letter alphabet, 5 characters
-- long (the otpauth convention "encoder=steam"). Stored as otp_type 'totp' with encoder 'steam';
-- for such rows the code length is always 5 and the digits column (held to 6..10 by V1's check,
-- which predates Steam) keeps the placeholder 6 and is not read.
ALTER TABLE entry ADD COLUMN encoder TEXT CHECK (encoder IS NULL OR encoder = 'steam');
