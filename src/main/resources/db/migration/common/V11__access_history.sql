-- Issue 14, "who changed whose access": every change of a user's effective role (from a membership, a mapping, a
-- role edit or a group deletion; inline or in a remap job) is recorded with its cause, in the same transaction as
-- the change. Role names are kept as they were: a role renamed or deleted later does not rewrite history.
CREATE TABLE effective_role_change (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id BIGINT       NOT NULL,
    user_id       BIGINT       NOT NULL,
    scope_key     BIGINT       NOT NULL,
    role_before   VARCHAR(200) NULL,
    role_after    VARCHAR(200) NULL,
    changed_at    DATETIME(3)  NOT NULL,
    actor_type    VARCHAR(16)  NOT NULL,
    actor_name    VARCHAR(200) NULL,
    request_id    VARCHAR(64)  NULL,
    remap_job_id  BIGINT       NULL,
    cause         VARCHAR(500) NOT NULL,
    CONSTRAINT fk_role_change_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
);
CREATE INDEX ix_role_change_user ON effective_role_change (enterprise_id, user_id, id);

-- The users an audit event concerns besides its resource (the members a group change added or removed, at most
-- 1,000 per event, each with its userName and whether it JOINED or LEFT), so that the audit log filtered by a user
-- shows every membership change that touched them, and an event can list whom it touched.
CREATE TABLE audit_event_subject (
    event_id      BIGINT       NOT NULL,
    enterprise_id BIGINT       NOT NULL,
    subject_id    VARCHAR(64)  NOT NULL,
    relation      VARCHAR(16)  NULL,
    subject_name  VARCHAR(300) NULL,
    PRIMARY KEY (event_id, subject_id),
    CONSTRAINT fk_audit_subject_event FOREIGN KEY (event_id) REFERENCES audit_event (id) ON DELETE CASCADE
);
CREATE INDEX ix_audit_subject ON audit_event_subject (enterprise_id, subject_id, event_id);
