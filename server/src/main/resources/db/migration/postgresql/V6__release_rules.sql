-- A vault may require a reason for each code release, optionally matching a ticket pattern.
ALTER TABLE vault ADD COLUMN require_reason BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE vault ADD COLUMN ticket_pattern TEXT;
