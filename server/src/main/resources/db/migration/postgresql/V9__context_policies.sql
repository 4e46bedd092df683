-- Context policies: per-vault CEL rules that must all hold for a code release, in the vault's time zone.
ALTER TABLE vault ADD COLUMN policy_time_zone TEXT NOT NULL DEFAULT 'UTC';

CREATE TABLE vault_policy_rule (
    id         TEXT   NOT NULL PRIMARY KEY,
    vault_id   TEXT   NOT NULL REFERENCES vault (id) ON DELETE CASCADE,
    name       TEXT   NOT NULL,
    expression TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX vault_policy_rule_vault ON vault_policy_rule (vault_id, created_at);
