-- Effective roles (PRODUCT.md rule 8), materialised. user_effective_role holds, per user, the
-- enterprise-level winner (scope_key 0) and the winner of every sub-account where the user has an
-- explicit mapping (scope_key = sub_account_id). A sub-account without explicit candidates resolves
-- to exactly the enterprise-level winner, so it needs no row of its own: creating a sub-account
-- changes nothing here.
CREATE INDEX ix_effective_user ON user_effective_role (enterprise_id, user_id);

-- Rule 5: a user whose only effective roles consume no license holds no seat.
ALTER TABLE user_account ADD COLUMN license_exempt BOOLEAN NOT NULL DEFAULT FALSE;

-- Background recomputation of effective roles after a mapping or role change that touches many
-- users. Resumable: cursor_user_id is the last user id done; a batch is idempotent, so a job whose
-- instance died (stale heartbeat) is claimed again and continues from its cursor.
CREATE TABLE remap_job (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id  BIGINT       NOT NULL,
    kind           VARCHAR(16)  NOT NULL,
    group_id       BIGINT       NULL,
    group_scim_id  VARCHAR(64)  NULL,
    group_name     VARCHAR(256) NULL,
    reason         VARCHAR(300) NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    cursor_user_id BIGINT       NOT NULL,
    processed      BIGINT       NOT NULL,
    total          BIGINT       NOT NULL,
    changed        BIGINT       NOT NULL,
    unlicensed     BIGINT       NOT NULL,
    claimed_by     VARCHAR(100) NULL,
    heartbeat_at   DATETIME(3)  NULL,
    created_at     DATETIME(3)  NOT NULL,
    started_at     DATETIME(3)  NULL,
    finished_at    DATETIME(3)  NULL,
    message        VARCHAR(500) NULL,
    CONSTRAINT fk_remap_job_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
);
CREATE INDEX ix_remap_job_status ON remap_job (status, id);
CREATE INDEX ix_remap_job_group ON remap_job (enterprise_id, group_scim_id, id);

-- Enterprises that already have mappings get their effective roles computed once, in the background.
INSERT INTO remap_job (enterprise_id, kind, reason, status, cursor_user_id, processed, total, changed, unlicensed,
                       created_at)
SELECT e.id, 'ALL', 'Effective roles stored for the first time', 'QUEUED', 0, 0,
       (SELECT COUNT(*) FROM user_account u WHERE u.enterprise_id = e.id), 0, 0, CURRENT_TIMESTAMP
FROM enterprise e WHERE EXISTS (SELECT 1 FROM group_mapping gm WHERE gm.enterprise_id = e.id);
