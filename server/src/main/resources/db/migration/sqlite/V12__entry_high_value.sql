-- An entry can be high-value on its own: its codes need a second person's approval.
ALTER TABLE entry ADD COLUMN high_value INTEGER NOT NULL DEFAULT 0;
