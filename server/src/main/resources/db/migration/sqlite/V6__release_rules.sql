-- A vault may require a reason for each code release, optionally matching a ticket pattern.
ALTER TABLE vault ADD COLUMN require_reason INTEGER NOT NULL DEFAULT 0;
ALTER TABLE vault ADD COLUMN ticket_pattern TEXT;
