-- Issue 13: the operator who runs Rollcall, enterprises onboarded by it, license requests, and console users
-- invited by their enterprise.

-- Operator tokens: the credential of the company running Rollcall (not a tenant's). Only the SHA-256 of a
-- token is stored. from_environment marks the token configured at start (ROLLCALL_OPERATOR_TOKEN).
CREATE TABLE operator_token (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    token_hash        CHAR(64)     NOT NULL,
    token_hint        VARCHAR(16)  NOT NULL,
    from_environment  BOOLEAN      NOT NULL,
    created_at        DATETIME(3)  NOT NULL,
    created_by        VARCHAR(200) NULL,
    last_used_at      DATETIME(3)  NULL,
    last_used_address VARCHAR(64)  NULL,
    revoked_at        DATETIME(3)  NULL,
    version           INT          NOT NULL,
    CONSTRAINT uq_operator_token UNIQUE (token_hash)
);

-- An operator's own actions (issuing its tokens) belong to no enterprise; everything it does to an enterprise is
-- in that enterprise's audit log too.
ALTER TABLE audit_event MODIFY COLUMN enterprise_id BIGINT NULL;
CREATE INDEX ix_audit_operator ON audit_event (actor_type, occurred_at);

-- Enterprises: unique names (case-insensitively, so a retried create is a 409, not a second tenant), suspension.
-- Names already shared by two enterprises keep no key rather than failing the migration.
ALTER TABLE enterprise ADD COLUMN name_key VARCHAR(200) NULL;
UPDATE enterprise SET name_key = LOWER(TRIM(name)) WHERE LOWER(TRIM(name)) IN (
    SELECT k FROM (SELECT LOWER(TRIM(name)) AS k FROM enterprise GROUP BY LOWER(TRIM(name)) HAVING COUNT(*) = 1) single_names);
ALTER TABLE enterprise ADD CONSTRAINT uq_enterprise_name UNIQUE (name_key);
ALTER TABLE enterprise ADD COLUMN suspended_at DATETIME(3) NULL;
ALTER TABLE enterprise ADD COLUMN suspended_reason VARCHAR(500) NULL;

-- License requests: an enterprise asks its operator for more seats; the operator grants (raising the limit) or
-- declines with a reason. open_key is the enterprise id while the request is open, so each enterprise has at
-- most one open request.
CREATE TABLE license_request (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id      BIGINT        NOT NULL,
    seats_requested    INT           NOT NULL,
    note               VARCHAR(1000) NULL,
    status             VARCHAR(16)   NOT NULL,
    requested_by       VARCHAR(200)  NOT NULL,
    requested_at       DATETIME(3)   NOT NULL,
    limit_at_request   INT           NOT NULL,
    used_at_request    INT           NOT NULL,
    decided_by         VARCHAR(200)  NULL,
    decided_at         DATETIME(3)   NULL,
    granted_limit      INT           NULL,
    decline_reason     VARCHAR(1000) NULL,
    open_key           BIGINT        NULL,
    version            INT           NOT NULL,
    CONSTRAINT uq_license_request_open UNIQUE (open_key),
    CONSTRAINT fk_license_request_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
);
CREATE INDEX ix_license_request_status ON license_request (status, requested_at);
CREATE INDEX ix_license_request_enterprise ON license_request (enterprise_id, requested_at);

-- Console users are invited: no password until the invitation is accepted. The link's token is stored as its
-- SHA-256; it is single use (invitation_used_at) and expires.
ALTER TABLE console_user MODIFY COLUMN password_hash VARCHAR(512) NULL;
ALTER TABLE console_user ADD COLUMN invited_by VARCHAR(200) NULL;
ALTER TABLE console_user ADD COLUMN invitation_hash CHAR(64) NULL;
ALTER TABLE console_user ADD COLUMN invitation_expires_at DATETIME(3) NULL;
ALTER TABLE console_user ADD COLUMN invitation_used_at DATETIME(3) NULL;
ALTER TABLE console_user ADD COLUMN disabled_reason VARCHAR(300) NULL;
ALTER TABLE console_user ADD CONSTRAINT uq_console_user_invitation UNIQUE (invitation_hash);
CREATE INDEX ix_console_user_enterprise ON console_user (enterprise_id, login_key);
