-- Seat accounting (PRODUCT.md rule 5). A user either holds one of its enterprise's seats or not;
-- license_counter.seats_used is the number of users holding one, changed only together with a
-- user's holds_seat flag, under a lock on the counter row.
ALTER TABLE user_account ADD COLUMN holds_seat BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE user_account SET holds_seat = TRUE WHERE active = TRUE AND deleted_at IS NULL;
UPDATE license_counter SET seats_used = (SELECT COUNT(*) FROM user_account u
    WHERE u.enterprise_id = license_counter.enterprise_id AND u.holds_seat = TRUE);

-- Refused provisioning requests, one row each, written in a transaction of their own so that they
-- survive the refused request's rollback without waiting for the counter row it has locked.
CREATE TABLE license_refusal (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id BIGINT      NOT NULL,
    refused_at    DATETIME(3) NOT NULL,
    request_id    VARCHAR(64) NULL,
    CONSTRAINT fk_license_refusal_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
);
CREATE INDEX ix_license_refusal_time ON license_refusal (enterprise_id, refused_at);
ALTER TABLE license_counter DROP COLUMN refused_count;
ALTER TABLE license_counter DROP COLUMN last_refused_at;
