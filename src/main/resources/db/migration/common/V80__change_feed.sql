-- The change feed (issue 19): a transactional outbox of provisioning changes, per enterprise in a strictly
-- increasing position, and the webhook endpoints that receive it.
--
-- change_event_counter: one row per enterprise, the last position handed out (updated under its row lock in
-- the writing transaction, as licensing's seat counter is) and the highest position removed by retention.
CREATE TABLE change_event_counter (
    enterprise_id  BIGINT       NOT NULL PRIMARY KEY,
    last_position  BIGINT       NOT NULL,
    pruned_through BIGINT       NOT NULL
);

-- change_event: the outbox itself, written in the same transaction as the change it describes.
CREATE TABLE change_event (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    event_id       VARCHAR(40)  NOT NULL,
    enterprise_id  BIGINT       NOT NULL,
    feed_position  BIGINT       NOT NULL,
    event_type     VARCHAR(64)  NOT NULL,
    occurred_at    DATETIME(3)  NOT NULL,
    resource_type  VARCHAR(32)  NULL,
    resource_id    VARCHAR(64)  NULL,
    request_id     VARCHAR(64)  NULL,
    payload        MEDIUMTEXT   NOT NULL,
    CONSTRAINT uq_change_event_position UNIQUE (enterprise_id, feed_position)
);
CREATE INDEX ix_change_event_time ON change_event (occurred_at);

-- webhook_endpoint: where an enterprise wants its events pushed, and how far delivery got (cursor_position, the
-- last position acknowledged or skipped). The secret signs deliveries, so it is kept (not hashed); it is shown
-- to the admin once.
CREATE TABLE webhook_endpoint (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enterprise_id    BIGINT        NOT NULL,
    url              VARCHAR(2048) NOT NULL,
    event_types      VARCHAR(2000) NULL,
    secret           VARCHAR(100)  NOT NULL,
    secret_hint      VARCHAR(20)   NOT NULL,
    description      VARCHAR(200)  NULL,
    status           VARCHAR(16)   NOT NULL,
    disabled_reason  VARCHAR(1000) NULL,
    cursor_position  BIGINT        NOT NULL,
    attempts         INT           NOT NULL,
    failing_since    DATETIME(3)   NULL,
    next_attempt_at  DATETIME(3)   NULL,
    claimed_by       VARCHAR(100)  NULL,
    claimed_until    DATETIME(3)   NULL,
    created_at       DATETIME(3)   NOT NULL,
    created_by       VARCHAR(200)  NULL
);
CREATE INDEX ix_webhook_endpoint_enterprise ON webhook_endpoint (enterprise_id);
CREATE INDEX ix_webhook_endpoint_status ON webhook_endpoint (status, next_attempt_at);

-- webhook_delivery: every attempt to deliver one event to one endpoint (recent ones are shown and can be resent).
CREATE TABLE webhook_delivery (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    endpoint_id    BIGINT        NOT NULL,
    enterprise_id  BIGINT        NOT NULL,
    event_id       VARCHAR(40)   NOT NULL,
    event_type     VARCHAR(64)   NOT NULL,
    feed_position  BIGINT        NOT NULL,
    attempt        INT           NOT NULL,
    outcome        VARCHAR(16)   NOT NULL,
    response_code  INT           NULL,
    latency_ms     BIGINT        NOT NULL,
    error          VARCHAR(500)  NULL,
    attempted_at   DATETIME(3)   NOT NULL,
    resend         BOOLEAN       NOT NULL
);
CREATE INDEX ix_webhook_delivery_endpoint ON webhook_delivery (endpoint_id, id);
CREATE INDEX ix_webhook_delivery_time ON webhook_delivery (attempted_at);

-- every existing enterprise starts its feed at position 0
INSERT INTO change_event_counter (enterprise_id, last_position, pruned_through) SELECT id, 0, 0 FROM enterprise;
