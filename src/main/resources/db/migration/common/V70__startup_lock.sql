-- One row per start-up task that several instances may run at once (today the demo bootstrap). The task locks its
-- row (SELECT ... FOR UPDATE) for its transaction, so a second instance starting at the same moment waits, then finds
-- the work done: the unique enterprise name (V8) stays the backstop.
CREATE TABLE startup_lock (
    name VARCHAR(64) NOT NULL PRIMARY KEY
);
INSERT INTO startup_lock (name) VALUES ('demo-bootstrap');
