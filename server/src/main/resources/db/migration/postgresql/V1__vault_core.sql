-- Watchword vault core (PostgreSQL). Instants are epoch milliseconds (UTC); ids are UUID text.
-- Keep in step with ../sqlite/V1__vault_core.sql: same tables, same columns.

CREATE TABLE app_user (
    id           TEXT    NOT NULL PRIMARY KEY,
    username     TEXT    NOT NULL UNIQUE,
    display_name TEXT    NOT NULL,
    org_role     TEXT    NOT NULL CHECK (org_role IN ('owner', 'admin', 'member', 'auditor')),
    created_at BIGINT NOT NULL,
    disabled_at BIGINT
);

-- Bearer tokens are stored as SHA-256 hashes only; a stolen database yields no usable token.
CREATE TABLE access_token (
    token_hash  TEXT    NOT NULL PRIMARY KEY,
    user_id     TEXT    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind        TEXT    NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX access_token_user ON access_token (user_id);

-- A known value encrypted under the master key: proves at start-up that the key file
-- opens this database's data.
CREATE TABLE master_key_check (
    id         INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    ciphertext BYTEA   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE vault (
    id         TEXT    NOT NULL PRIMARY KEY,
    name       TEXT    NOT NULL,
    client     TEXT,
    created_at BIGINT NOT NULL,
    created_by TEXT    NOT NULL REFERENCES app_user (id)
);

-- The vault's data key (a Tink AES-256-GCM keyset), encrypted under the master key with
-- associated data naming the vault.
CREATE TABLE vault_key (
    vault_id         TEXT    NOT NULL PRIMARY KEY REFERENCES vault (id) ON DELETE CASCADE,
    encrypted_keyset BYTEA   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE vault_member (
    vault_id   TEXT    NOT NULL REFERENCES vault (id) ON DELETE CASCADE,
    user_id    TEXT    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    role       TEXT    NOT NULL CHECK (role IN ('viewer', 'editor', 'manager')),
    expires_at BIGINT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (vault_id, user_id)
);
CREATE INDEX vault_member_user ON vault_member (user_id);

-- secret_ciphertext: the seed under the vault's data key, associated data
-- "entry:secret:<entry id>:<vault id>". counter: the next HOTP counter to release.
CREATE TABLE entry (
    id                TEXT    NOT NULL PRIMARY KEY,
    vault_id          TEXT    NOT NULL REFERENCES vault (id) ON DELETE CASCADE,
    issuer            TEXT,
    account           TEXT    NOT NULL,
    otp_type          TEXT    NOT NULL CHECK (otp_type IN ('totp', 'hotp')),
    algorithm         TEXT    NOT NULL CHECK (algorithm IN ('SHA1', 'SHA256', 'SHA512')),
    digits            INTEGER NOT NULL CHECK (digits BETWEEN 6 AND 10),
    period            INTEGER NOT NULL CHECK (period BETWEEN 1 AND 3600),
    counter           BIGINT  NOT NULL DEFAULT 0 CHECK (counter >= 0),
    secret_ciphertext BYTEA   NOT NULL,
    weak_secret       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at BIGINT NOT NULL,
    created_by        TEXT    NOT NULL REFERENCES app_user (id)
);
CREATE INDEX entry_vault ON entry (vault_id);

-- The audit trail: one row per code release, denial and change, written in the same
-- transaction as what it records. Hash chaining and signed checkpoints build on seq.
CREATE TABLE audit_event (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id   TEXT,
    actor_name TEXT    NOT NULL,
    action     TEXT    NOT NULL,
    vault_id   TEXT,
    entry_id   TEXT,
    decision   TEXT    NOT NULL CHECK (decision IN ('allow', 'deny')),
    reason     TEXT,
    client_ip  TEXT,
    user_agent TEXT,
    detail     TEXT
);
CREATE INDEX audit_event_vault ON audit_event (vault_id, seq);
CREATE INDEX audit_event_actor ON audit_event (actor_id, seq);
