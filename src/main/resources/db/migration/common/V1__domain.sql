-- Rollcall's whole domain (PRODUCT.md). Runs unchanged on MySQL/MariaDB and on H2 (MODE=MySQL).
-- Conventions: every tenant-owned table carries enterprise_id; times are UTC DATETIME(3);
-- case-insensitive uniqueness uses a normalised *_key column (lower-cased) with a unique index,
-- so no rule depends on a database's default collation (see V2 for MySQL/MariaDB).
-- Keys that must stop being unique when a row is soft-deleted are nulled on deletion.

CREATE TABLE enterprise (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name              VARCHAR(200) NOT NULL,
    provisioning_mode VARCHAR(32)  NOT NULL,
    identifier_rule   VARCHAR(32)  NOT NULL,
    license_limit     INT          NOT NULL,
    created_at        DATETIME(3)  NOT NULL,
    last_modified     DATETIME(3)  NOT NULL,
    version           INT          NOT NULL
);

-- The tenant's seat counter: locked (SELECT ... FOR UPDATE) by every write that may take a seat.
CREATE TABLE license_counter (
    enterprise_id   BIGINT      NOT NULL PRIMARY KEY,
    seats_used      INT         NOT NULL,
    refused_count   BIGINT      NOT NULL,
    last_refused_at DATETIME(3) NULL,
    CONSTRAINT fk_license_counter_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
);

CREATE TABLE sub_account (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id BIGINT       NOT NULL,
    name          VARCHAR(200) NOT NULL,
    name_key      VARCHAR(200) NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    last_modified DATETIME(3)  NOT NULL,
    version       INT          NOT NULL,
    CONSTRAINT uq_sub_account_name UNIQUE (enterprise_id, name_key),
    CONSTRAINT fk_sub_account_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
);

-- Roles: built-in ones have no enterprise (shared, read-only); custom ones belong to one enterprise.
CREATE TABLE app_role (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id    BIGINT       NULL,
    code             VARCHAR(64)  NULL,
    name             VARCHAR(200) NOT NULL,
    name_key         VARCHAR(200) NOT NULL,
    scope            VARCHAR(16)  NOT NULL,
    group_manager    BOOLEAN      NOT NULL,
    full_access      BOOLEAN      NOT NULL,
    consumes_license BOOLEAN      NOT NULL,
    built_in         BOOLEAN      NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    last_modified    DATETIME(3)  NOT NULL,
    version          INT          NOT NULL,
    CONSTRAINT uq_role_code UNIQUE (code),
    CONSTRAINT uq_role_name UNIQUE (enterprise_id, name_key),
    CONSTRAINT fk_role_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
);

-- A role's permissions: the inputs of its power score (role-priority matrix).
CREATE TABLE app_role_permission (
    role_id    BIGINT      NOT NULL,
    permission VARCHAR(64) NOT NULL,
    PRIMARY KEY (role_id, permission),
    CONSTRAINT fk_role_permission_role FOREIGN KEY (role_id) REFERENCES app_role (id) ON DELETE CASCADE
);

CREATE TABLE user_account (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id      BIGINT        NOT NULL,
    scim_id            VARCHAR(36)   NOT NULL,
    user_name          VARCHAR(300)  NOT NULL,
    user_name_key      VARCHAR(300)  NULL,     -- lower(user_name) while live; NULL once deleted
    external_id        VARCHAR(300)  NULL,
    external_id_key    VARCHAR(300)  NULL,     -- external_id while live (case-exact); NULL once deleted
    source             VARCHAR(16)   NOT NULL, -- MANUAL | SCIM
    active             BOOLEAN       NOT NULL,
    deleted_at         DATETIME(3)   NULL,
    name_formatted     VARCHAR(500)  NULL,
    family_name        VARCHAR(200)  NULL,
    given_name         VARCHAR(200)  NULL,
    middle_name        VARCHAR(200)  NULL,
    honorific_prefix   VARCHAR(100)  NULL,
    honorific_suffix   VARCHAR(100)  NULL,
    display_name       VARCHAR(300)  NULL,
    nick_name          VARCHAR(200)  NULL,
    profile_url        VARCHAR(1000) NULL,
    title              VARCHAR(300)  NULL,
    user_type          VARCHAR(100)  NULL,
    preferred_language VARCHAR(100)  NULL,
    locale             VARCHAR(100)  NULL,
    timezone           VARCHAR(100)  NULL,
    employee_number    VARCHAR(200)  NULL,
    employee_number_key VARCHAR(200) NULL,     -- lower(trim(employee_number)) while live
    cost_center        VARCHAR(200)  NULL,
    organization       VARCHAR(200)  NULL,
    division           VARCHAR(200)  NULL,
    department         VARCHAR(200)  NULL,
    manager_id         VARCHAR(300)  NULL,
    created_at         DATETIME(3)   NOT NULL,
    last_modified      DATETIME(3)   NOT NULL,
    version            INT           NOT NULL,
    CONSTRAINT uq_user_scim_id UNIQUE (scim_id),
    CONSTRAINT uq_user_name UNIQUE (enterprise_id, user_name_key),
    CONSTRAINT uq_user_external_id UNIQUE (enterprise_id, external_id_key),
    CONSTRAINT fk_user_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
);
CREATE INDEX ix_user_employee_number ON user_account (enterprise_id, employee_number_key);
CREATE INDEX ix_user_enterprise_active ON user_account (enterprise_id, active);

-- Multi-valued user attributes (emails, phoneNumbers, addresses, ...), one row per value, in order.
CREATE TABLE user_multi_value (
    user_id        BIGINT        NOT NULL,
    ordinal        INT           NOT NULL,
    enterprise_id  BIGINT        NOT NULL,
    attribute      VARCHAR(32)   NOT NULL,
    item_type      VARCHAR(100)  NULL,
    is_primary     BOOLEAN       NOT NULL,
    display        VARCHAR(500)  NULL,
    item_value     VARCHAR(700)  NULL,
    item_value_key VARCHAR(700)  NULL,  -- lower(item_value): emails are matched case-insensitively
    formatted      VARCHAR(1000) NULL,
    street_address VARCHAR(500)  NULL,
    locality       VARCHAR(200)  NULL,
    region         VARCHAR(200)  NULL,
    postal_code    VARCHAR(100)  NULL,
    country        VARCHAR(100)  NULL,
    PRIMARY KEY (user_id, ordinal),
    CONSTRAINT fk_multi_value_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
);
CREATE INDEX ix_multi_value_lookup ON user_multi_value (enterprise_id, attribute, item_value_key);

CREATE TABLE user_group (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id    BIGINT       NOT NULL,
    scim_id          VARCHAR(36)  NOT NULL,
    display_name     VARCHAR(300) NOT NULL,
    display_name_key VARCHAR(300) NOT NULL,
    external_id      VARCHAR(300) NULL,
    member_count     INT          NOT NULL,
    created_at       DATETIME(3)  NOT NULL,
    last_modified    DATETIME(3)  NOT NULL,
    version          INT          NOT NULL,
    CONSTRAINT uq_group_scim_id UNIQUE (scim_id),
    CONSTRAINT uq_group_display_name UNIQUE (enterprise_id, display_name_key),
    CONSTRAINT uq_group_external_id UNIQUE (enterprise_id, external_id),
    CONSTRAINT fk_group_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
);

-- Membership is a table, never a loaded collection: adding/removing k members costs O(k).
CREATE TABLE group_membership (
    group_id      BIGINT      NOT NULL,
    user_id       BIGINT      NOT NULL,
    enterprise_id BIGINT      NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (group_id, user_id),
    CONSTRAINT fk_membership_group FOREIGN KEY (group_id) REFERENCES user_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_membership_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
);
CREATE INDEX ix_membership_user ON group_membership (user_id);

-- Groups as members of groups (one level, RFC 7643 members of type Group).
CREATE TABLE group_nesting (
    group_id        BIGINT      NOT NULL,
    member_group_id BIGINT      NOT NULL,
    enterprise_id   BIGINT      NOT NULL,
    created_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (group_id, member_group_id),
    CONSTRAINT fk_nesting_group FOREIGN KEY (group_id) REFERENCES user_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_nesting_member FOREIGN KEY (member_group_id) REFERENCES user_group (id) ON DELETE CASCADE
);
CREATE INDEX ix_nesting_member ON group_nesting (member_group_id);

-- Group -> (enterprise level or one sub-account, role). scope_key = sub_account_id, or 0 for the
-- enterprise level, so that the unique key works without NULLs.
CREATE TABLE group_mapping (
    id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id  BIGINT      NOT NULL,
    group_id       BIGINT      NOT NULL,
    sub_account_id BIGINT      NULL,
    scope_key      BIGINT      NOT NULL,
    role_id        BIGINT      NOT NULL,
    created_at     DATETIME(3) NOT NULL,
    CONSTRAINT uq_group_mapping UNIQUE (group_id, scope_key, role_id),
    CONSTRAINT fk_mapping_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_mapping_group FOREIGN KEY (group_id) REFERENCES user_group (id) ON DELETE CASCADE,
    CONSTRAINT fk_mapping_sub_account FOREIGN KEY (sub_account_id) REFERENCES sub_account (id),
    CONSTRAINT fk_mapping_role FOREIGN KEY (role_id) REFERENCES app_role (id)
);
CREATE INDEX ix_mapping_enterprise ON group_mapping (enterprise_id, role_id);

-- Materialised effective roles, per (user, enterprise level or sub-account).
CREATE TABLE user_effective_role (
    user_id        BIGINT      NOT NULL,
    scope_key      BIGINT      NOT NULL,
    enterprise_id  BIGINT      NOT NULL,
    sub_account_id BIGINT      NULL,
    role_id        BIGINT      NOT NULL,
    score          INT         NOT NULL,
    computed_at    DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, scope_key),
    CONSTRAINT fk_effective_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE,
    CONSTRAINT fk_effective_role FOREIGN KEY (role_id) REFERENCES app_role (id)
);
CREATE INDEX ix_effective_enterprise ON user_effective_role (enterprise_id, role_id);

-- API clients: the IdP's credential. Only the SHA-256 of the token is stored.
CREATE TABLE api_client (
    id                BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id     BIGINT       NOT NULL,
    name              VARCHAR(200) NOT NULL,
    token_hash        CHAR(64)     NOT NULL,
    token_hint        VARCHAR(16)  NOT NULL,
    scopes            VARCHAR(100) NOT NULL,
    created_at        DATETIME(3)  NOT NULL,
    created_by        VARCHAR(200) NULL,
    last_used_at      DATETIME(3)  NULL,
    last_used_address VARCHAR(64)  NULL,
    revoked_at        DATETIME(3)  NULL,
    version           INT          NOT NULL,
    CONSTRAINT uq_api_client_token UNIQUE (token_hash),
    CONSTRAINT fk_api_client_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
);
CREATE INDEX ix_api_client_enterprise ON api_client (enterprise_id);

-- Console logins (PBKDF2 hashes). console_role: ENTERPRISE_ADMIN | INTEGRATIONS_MANAGER.
CREATE TABLE console_user (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id   BIGINT       NOT NULL,
    login           VARCHAR(200) NOT NULL,
    login_key       VARCHAR(200) NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    password_hash   VARCHAR(512) NOT NULL,
    console_role    VARCHAR(32)  NOT NULL,
    user_account_id BIGINT       NULL,
    failed_attempts INT          NOT NULL,
    last_failed_at  DATETIME(3)  NULL,
    last_login_at   DATETIME(3)  NULL,
    disabled        BOOLEAN      NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    version         INT          NOT NULL,
    CONSTRAINT uq_console_user_login UNIQUE (login_key),
    CONSTRAINT fk_console_user_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id),
    CONSTRAINT fk_console_user_account FOREIGN KEY (user_account_id) REFERENCES user_account (id)
);

-- Who did what to which resource, before -> after; committed with the change it records.
CREATE TABLE audit_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id  BIGINT       NOT NULL,
    occurred_at    DATETIME(3)  NOT NULL,
    actor_type     VARCHAR(16)  NOT NULL,  -- API_CLIENT | CONSOLE_USER | SYSTEM
    actor_id       VARCHAR(64)  NULL,
    actor_name     VARCHAR(200) NULL,
    action         VARCHAR(64)  NOT NULL,
    resource_type  VARCHAR(32)  NOT NULL,
    resource_id    VARCHAR(64)  NULL,
    resource_name  VARCHAR(300) NULL,
    before_state   MEDIUMTEXT   NULL,
    after_state    MEDIUMTEXT   NULL,
    caller_address VARCHAR(64)  NULL,
    request_id     VARCHAR(64)  NULL,
    CONSTRAINT fk_audit_enterprise FOREIGN KEY (enterprise_id) REFERENCES enterprise (id)
);
CREATE INDEX ix_audit_time ON audit_event (enterprise_id, occurred_at);
CREATE INDEX ix_audit_resource ON audit_event (enterprise_id, resource_type, resource_id);
CREATE INDEX ix_audit_actor ON audit_event (enterprise_id, actor_type, actor_id);
