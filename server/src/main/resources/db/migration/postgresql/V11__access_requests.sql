-- Just-in-time access: a vault its managers made requestable is listed (name and client only) to
-- the organisation; members request a role for a bounded time, another manager decides.
ALTER TABLE vault ADD COLUMN requestable BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE vault ADD COLUMN max_grant_minutes INTEGER NOT NULL DEFAULT 480;

CREATE TABLE access_request (
    id               TEXT    NOT NULL PRIMARY KEY,
    vault_id         TEXT    NOT NULL REFERENCES vault (id) ON DELETE CASCADE,
    requester_id     TEXT    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role             TEXT    NOT NULL CHECK (role IN ('viewer', 'editor', 'manager')),
    duration_minutes INTEGER NOT NULL,
    reason           TEXT    NOT NULL,
    status           TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'cancelled')),
    created_at       BIGINT  NOT NULL,
    expires_at       BIGINT  NOT NULL,
    decided_by       TEXT    REFERENCES app_user (id) ON DELETE SET NULL,
    decided_at       BIGINT,
    grant_until      BIGINT
);
CREATE INDEX access_request_vault ON access_request (vault_id, status);
CREATE INDEX access_request_requester ON access_request (requester_id);
