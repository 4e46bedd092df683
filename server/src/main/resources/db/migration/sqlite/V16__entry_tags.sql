-- Entry tags: lowercase labels (1 to 32 of a-z 0-9 . _ -, at most 10 per entry) for the entry
-- list's filter and for context policies (resource.tags). One row per tag; vault_id is kept here
-- too so that every tag query carries vault_id = :vaultId like every other query on vault data.
CREATE TABLE entry_tag (
    vault_id TEXT NOT NULL REFERENCES vault (id) ON DELETE CASCADE,
    entry_id TEXT NOT NULL REFERENCES entry (id) ON DELETE CASCADE,
    tag      TEXT NOT NULL,
    PRIMARY KEY (entry_id, tag)
);
CREATE INDEX entry_tag_vault_tag ON entry_tag (vault_id, tag);
