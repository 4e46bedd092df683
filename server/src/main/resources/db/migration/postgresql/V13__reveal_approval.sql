-- Two-person approval also guards seed reveals of high-value vaults and entries: an approval is
-- for one purpose only.
ALTER TABLE release_approval ADD COLUMN purpose TEXT NOT NULL DEFAULT 'code';
