-- Issue 15: a console create form is one submission, however often it is sent (a double-click, a retry, Back and
-- resend). Each form carries a one-time token; the first request that brings it claims this row (the primary key
-- decides, on every instance at once) and stores what it did, sealed with a key only the token gives; a copy gets
-- that outcome instead of doing it again. Rows are kept a day: a form cannot be sent once its page (session) has
-- expired.
CREATE TABLE form_submission (
    token_hash    CHAR(64)      NOT NULL PRIMARY KEY,
    enterprise_id BIGINT        NOT NULL,
    login         VARCHAR(200)  NOT NULL,
    form          VARCHAR(40)   NOT NULL,
    outcome       VARCHAR(4000) NULL,
    created_at    DATETIME(3)   NOT NULL
);
CREATE INDEX ix_form_submission_created ON form_submission (created_at);
