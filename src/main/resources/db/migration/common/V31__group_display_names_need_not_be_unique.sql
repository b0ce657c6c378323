-- Issue 14, item 4: a group's displayName need not be unique (RFC 7643 §8.7.1 gives it "uniqueness": "none";
-- Entra allows two groups named "Sales", and refusing the second with a 409 blocks it for good: see the design
-- notes). The case-insensitive key stays, under a plain index, for the IdPs' displayName eq lookups.
CREATE INDEX ix_group_display_name ON user_group (enterprise_id, display_name_key);
ALTER TABLE user_group DROP INDEX uq_group_display_name;
