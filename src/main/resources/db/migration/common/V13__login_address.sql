-- Issue 15, login storms: a console login remembers the address of its last successful sign-in, so that failures
-- from strangers lock the account for them, never for its owner at their usual address.
ALTER TABLE console_user ADD COLUMN last_login_address VARCHAR(64) NULL;
