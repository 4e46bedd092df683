-- Passkeys (WebAuthn) (SQLite). Keep in step with ../postgresql/V4__passkeys.sql.

-- The WebAuthn user handle of a user: 32 random bytes, base64url, never the username
-- (WebAuthn Level 3 §14.6.1: the handle must not identify the user to anyone but us).
CREATE TABLE webauthn_user_entity (
    user_handle TEXT    NOT NULL PRIMARY KEY,
    user_id     TEXT    NOT NULL UNIQUE REFERENCES app_user (id) ON DELETE CASCADE,
    created_at  INTEGER NOT NULL
);

-- A registered passkey. Only public material: the COSE public key and the attestation object
-- (which holds the same key) that Spring Security verifies assertions against. credential_id
-- is the authenticator's credential id, base64url; id is what the API names the passkey by.
CREATE TABLE passkey (
    id                   TEXT    NOT NULL PRIMARY KEY,
    credential_id        TEXT    NOT NULL UNIQUE,
    user_id              TEXT    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    user_handle          TEXT    NOT NULL REFERENCES webauthn_user_entity (user_handle) ON DELETE CASCADE,
    credential_type      TEXT    NOT NULL,
    public_key_cose      BLOB    NOT NULL,
    signature_count      INTEGER NOT NULL,
    uv_initialized       INTEGER NOT NULL,
    backup_eligible      INTEGER NOT NULL,
    backup_state         INTEGER NOT NULL,
    transports           TEXT    NOT NULL,
    attestation_object   BLOB    NOT NULL,
    attestation_client_data_json BLOB,
    label                TEXT    NOT NULL,
    created_at           INTEGER NOT NULL,
    last_used_at         INTEGER
);
CREATE INDEX passkey_user ON passkey (user_id);
CREATE INDEX passkey_user_handle ON passkey (user_handle);
