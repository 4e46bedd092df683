-- Two-person release: a high-value vault's codes are released only after a second member approves.
ALTER TABLE vault ADD COLUMN high_value BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE release_approval (
    id           TEXT   NOT NULL PRIMARY KEY,
    vault_id     TEXT   NOT NULL REFERENCES vault (id) ON DELETE CASCADE,
    entry_id     TEXT   NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    requester_id TEXT   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    reason       TEXT,
    status       TEXT   NOT NULL CHECK (status IN ('pending', 'approved', 'denied', 'used')),
    approver_id  TEXT   REFERENCES app_user (id) ON DELETE SET NULL,
    created_at   BIGINT NOT NULL,
    decided_at   BIGINT,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX release_approval_vault ON release_approval (vault_id, status);
