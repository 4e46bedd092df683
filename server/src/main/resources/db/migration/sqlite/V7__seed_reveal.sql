-- A revealed seed left the server: the entry is due for rotation until an editor replaces it.
ALTER TABLE entry ADD COLUMN rotation_due_at BIGINT;
