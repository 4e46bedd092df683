-- Sign-in for people (PostgreSQL). Keep in step with ../sqlite/V2__sign_in.sql.

-- Argon2id PHC string; NULL for accounts that cannot sign in with a password (dev owner, SSO).
ALTER TABLE app_user ADD COLUMN password_hash TEXT;

-- Usernames are one account whatever their case.
CREATE UNIQUE INDEX app_user_username_ci ON app_user (LOWER(username));

-- One-time links that create the first owner; stored hashed, valid one hour, single use.
CREATE TABLE setup_token (
    token_hash TEXT    NOT NULL PRIMARY KEY,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at    BIGINT
);

-- A user's TOTP factor: the secret under the master key (associated data
-- "user:totp:<user id>") and the last accepted time step, so a code is accepted once only.
CREATE TABLE user_totp (
    user_id           TEXT    NOT NULL PRIMARY KEY REFERENCES app_user (id) ON DELETE CASCADE,
    secret_ciphertext BYTEA    NOT NULL,
    last_used_step    BIGINT NOT NULL,
    created_at        BIGINT NOT NULL
);

-- Single-use recovery codes, stored as SHA-256 hashes of 80-bit random codes.
CREATE TABLE recovery_code (
    user_id    TEXT    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    code_hash  TEXT    NOT NULL,
    created_at BIGINT NOT NULL,
    used_at    BIGINT,
    PRIMARY KEY (user_id, code_hash)
);

-- The state between the password and the second factor. pending_secret holds a TOTP secret
-- being enrolled, under the master key with associated data "challenge:totp:<hash>".
CREATE TABLE sign_in_challenge (
    challenge_hash TEXT    NOT NULL PRIMARY KEY,
    user_id        TEXT    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    purpose        TEXT    NOT NULL CHECK (purpose IN ('mfa', 'enrol')),
    pending_secret BYTEA,
    failures       INTEGER NOT NULL DEFAULT 0,
    created_at     BIGINT NOT NULL,
    expires_at     BIGINT NOT NULL
);
CREATE INDEX sign_in_challenge_user ON sign_in_challenge (user_id);

-- A signed-in session (NIST SP 800-63B Rev. 4 §2.2.3 / §3.2.3 timeouts). refresh_hash is the
-- SHA-256 of the refresh token that renews short-lived access tokens.
CREATE TABLE auth_session (
    id                TEXT    NOT NULL PRIMARY KEY,
    user_id           TEXT    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    refresh_hash      TEXT    NOT NULL UNIQUE,
    aal               INTEGER NOT NULL CHECK (aal IN (1, 2, 3)),
    methods           TEXT    NOT NULL,
    created_at        BIGINT NOT NULL,
    authenticated_at  BIGINT NOT NULL,
    last_seen_at      BIGINT NOT NULL,
    expires_at        BIGINT NOT NULL,
    idle_timeout_ms   BIGINT NOT NULL,
    ended_at          BIGINT,
    client_ip         TEXT,
    user_agent        TEXT
);
CREATE INDEX auth_session_user ON auth_session (user_id);

ALTER TABLE access_token ADD COLUMN session_id TEXT REFERENCES auth_session (id) ON DELETE CASCADE;

-- Consecutive sign-in failures per account and per client address.
CREATE TABLE sign_in_throttle (
    throttle_key  TEXT    NOT NULL PRIMARY KEY,
    failures      INTEGER NOT NULL,
    blocked_until BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
