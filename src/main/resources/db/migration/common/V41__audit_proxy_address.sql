-- The trusted proxy an audited call came through (issue 15): caller_address is the client's address (the one the
-- proxy forwarded), proxy_address the proxy's; null when the call came directly (and for events recorded before).
ALTER TABLE audit_event ADD COLUMN proxy_address VARCHAR(64) NULL;
