-- Tamper evidence for the audit trail. Each event stores the hash of its predecessor and its own
-- hash, an HMAC-SHA256 under the chain key over (predecessor's hash, the event's fields); the
-- newest link is kept in audit_head so every writer, on every node, appends after it.
-- Signed checkpoints (Ed25519) vouch for the chain at a sequence number; an "anchor" checkpoint
-- is where verification starts after retention pruned the events before it.
ALTER TABLE audit_event ADD COLUMN session_id TEXT;
ALTER TABLE audit_event ADD COLUMN rule TEXT;
ALTER TABLE audit_event ADD COLUMN prev_hash BLOB;
ALTER TABLE audit_event ADD COLUMN hash BLOB;
CREATE INDEX audit_event_at ON audit_event (at, seq);
-- "already released" looks up one entry's releases of the current time step only
CREATE INDEX audit_event_entry_at ON audit_event (entry_id, at);

CREATE TABLE audit_head (
    id      INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    seq     INTEGER NOT NULL,
    hash    BLOB    NOT NULL,
    at      INTEGER NOT NULL,
    -- the newest signed checkpoint, so an append knows without a query whether one is due
    checkpoint_seq INTEGER NOT NULL DEFAULT 0,
    checkpoint_at  INTEGER NOT NULL DEFAULT 0,
    -- events written before the chain existed are linked once, at the first start after V14
    pending_legacy INTEGER NOT NULL
);
INSERT INTO audit_head (id, seq, hash, at, pending_legacy)
VALUES (1, 0, zeroblob(32), 0, (SELECT COUNT(*) > 0 FROM audit_event));

CREATE TABLE audit_checkpoint (
    seq       INTEGER NOT NULL PRIMARY KEY,
    kind      TEXT    NOT NULL CHECK (kind IN ('checkpoint', 'anchor')),
    at        INTEGER NOT NULL,
    hash      BLOB    NOT NULL,
    signature BLOB    NOT NULL
);

-- The chain key and the checkpoint signing key, sealed under the master key.
CREATE TABLE audit_key (
    id             INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    chain_key      BLOB    NOT NULL,
    signing_keyset BLOB    NOT NULL,
    created_at     INTEGER NOT NULL
);

-- Where each SIEM sink has delivered up to (at-least-once delivery).
CREATE TABLE audit_sink_cursor (
    sink       TEXT    NOT NULL PRIMARY KEY,
    seq        INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
