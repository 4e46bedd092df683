-- Groups (teams) of users; a group can hold a role in a vault, like a member.
CREATE TABLE user_group (
    id         TEXT   NOT NULL PRIMARY KEY,
    name       TEXT   NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE group_member (
    group_id   TEXT   NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
    user_id    TEXT   NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_member_user ON group_member (user_id);

CREATE TABLE vault_group_grant (
    vault_id   TEXT   NOT NULL REFERENCES vault (id) ON DELETE CASCADE,
    group_id   TEXT   NOT NULL REFERENCES user_group (id) ON DELETE CASCADE,
    role       TEXT   NOT NULL CHECK (role IN ('viewer', 'editor', 'manager')),
    expires_at BIGINT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (vault_id, group_id)
);
CREATE INDEX vault_group_grant_group ON vault_group_grant (group_id);
