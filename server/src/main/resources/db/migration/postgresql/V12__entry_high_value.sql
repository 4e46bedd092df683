-- An entry can be high-value on its own: its codes need a second person's approval.
ALTER TABLE entry ADD COLUMN high_value BOOLEAN NOT NULL DEFAULT FALSE;
