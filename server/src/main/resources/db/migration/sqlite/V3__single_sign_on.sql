-- Single sign-on with OpenID Connect (SQLite). Keep in step with ../postgresql/V3__single_sign_on.sql.

-- A user is linked to an identity provider account by the ID token's (iss, sub), never by a
-- name or e-mail address the provider lets people change.
CREATE TABLE user_sso_link (
    issuer     TEXT    NOT NULL,
    subject    TEXT    NOT NULL,
    user_id    TEXT    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (issuer, subject)
);
CREATE INDEX user_sso_link_user ON user_sso_link (user_id);

-- The one-time code that carries an SSO sign-in's outcome from the browser redirect to the
-- client that redeems it (stored hashed, valid one minute).
CREATE TABLE sso_handoff (
    code_hash  TEXT    NOT NULL PRIMARY KEY,
    user_id    TEXT    NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    outcome    TEXT    NOT NULL CHECK (outcome IN ('session', 'mfa', 'enrol')),
    methods    TEXT    NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
