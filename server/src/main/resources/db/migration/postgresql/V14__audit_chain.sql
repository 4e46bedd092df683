-- Tamper evidence for the audit trail. Each event stores the hash of its predecessor and its own
-- hash, an HMAC-SHA256 under the chain key over (predecessor's hash, the event's fields); the
-- newest link is kept in audit_head, locked by every writer on every node, so the chain stays
-- linear. Signed checkpoints (Ed25519) vouch for the chain at a sequence number; an "anchor"
-- checkpoint is where verification starts after retention pruned the events before it.
ALTER TABLE audit_event ALTER COLUMN seq DROP IDENTITY;
ALTER TABLE audit_event ADD COLUMN session_id TEXT;
ALTER TABLE audit_event ADD COLUMN rule TEXT;
ALTER TABLE audit_event ADD COLUMN prev_hash BYTEA;
ALTER TABLE audit_event ADD COLUMN hash BYTEA;
CREATE INDEX audit_event_at ON audit_event (at, seq);
-- "already released" looks up one entry's releases of the current time step only
CREATE INDEX audit_event_entry_at ON audit_event (entry_id, at);

CREATE TABLE audit_head (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    seq     BIGINT  NOT NULL,
    hash    BYTEA   NOT NULL,
    at      BIGINT  NOT NULL,
    -- the newest signed checkpoint, so an append knows without a query whether one is due
    checkpoint_seq BIGINT  NOT NULL DEFAULT 0,
    checkpoint_at  BIGINT  NOT NULL DEFAULT 0,
    -- events written before the chain existed are linked once, at the first start after V14
    pending_legacy BOOLEAN NOT NULL
);
INSERT INTO audit_head (id, seq, hash, at, pending_legacy)
VALUES (1, 0, decode(repeat('00', 32), 'hex'), 0, EXISTS (SELECT 1 FROM audit_event));

CREATE TABLE audit_checkpoint (
    seq       BIGINT NOT NULL PRIMARY KEY,
    kind      TEXT   NOT NULL CHECK (kind IN ('checkpoint', 'anchor')),
    at        BIGINT NOT NULL,
    hash      BYTEA  NOT NULL,
    signature BYTEA  NOT NULL
);

-- The chain key and the checkpoint signing key, sealed under the master key.
CREATE TABLE audit_key (
    id             INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    chain_key      BYTEA   NOT NULL,
    signing_keyset BYTEA   NOT NULL,
    created_at     BIGINT  NOT NULL
);

-- Where each SIEM sink has delivered up to (at-least-once delivery).
CREATE TABLE audit_sink_cursor (
    sink       TEXT   NOT NULL PRIMARY KEY,
    seq        BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
