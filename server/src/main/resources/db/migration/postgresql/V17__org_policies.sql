-- Organisation-wide context policies: CEL rules that every vault request must pass, before the
-- vault's own rules (V9), read in the organisation's policy time zone.
CREATE TABLE org_policy_rule (
    id         TEXT   NOT NULL PRIMARY KEY,
    name       TEXT   NOT NULL,
    expression TEXT   NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE org_policy_settings (
    id        INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    time_zone TEXT    NOT NULL
);
INSERT INTO org_policy_settings (id, time_zone) VALUES (1, 'UTC');
