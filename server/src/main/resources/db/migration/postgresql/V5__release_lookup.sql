-- "Already released": code releases of one entry are looked up by entry and step.
CREATE INDEX audit_event_entry ON audit_event (entry_id, seq);
