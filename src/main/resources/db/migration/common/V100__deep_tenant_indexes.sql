-- Issue 20, deep tenants (docs/benchmark.md, "Deep tenant"): what an enterprise of a million users asks of user_account
-- without reading all of them.
-- The enterprise's live users in id order: totalResults of GET /Users and the console's user count read this index
-- alone (not every row of the table), and a page of GET /Users walks it in id order.
CREATE INDEX ix_user_live ON user_account (enterprise_id, deleted_at);
-- Users left without a license (active, live, not exempt, no seat): the dashboard counts them on every view; with
-- the flags as leading columns the count reads only such users (usually none).
CREATE INDEX ix_user_unlicensed ON user_account (enterprise_id, holds_seat, license_exempt, active, deleted_at);
