-- Issue 14, item 4: a group the identity provider deletes is soft-deleted, not removed, so the admin's mappings
-- survive it. SCIM no longer sees the row (404, absent from lists and filters); its memberships end; its mappings
-- stay, inactive (deactivated_at set), until an admin restores them onto another group or discards them.

-- The deletion time; NULL while the group is live.
ALTER TABLE user_group ADD COLUMN deleted_at DATETIME(3) NULL;

-- externalId is unique among live groups only: like user_account, the unique key moves to a *_key column that
-- holds the external id while the group is live and NULL once it is deleted, so the IdP can create a new group
-- with the same externalId (the deleted row keeps external_id, which the console uses to suggest that new group).
ALTER TABLE user_group ADD COLUMN external_id_key VARCHAR(300) NULL;
UPDATE user_group SET external_id_key = external_id;
ALTER TABLE user_group DROP INDEX uq_group_external_id;
ALTER TABLE user_group ADD CONSTRAINT uq_group_external_id UNIQUE (enterprise_id, external_id_key);

-- A mapping of a deleted group is kept but gives no role: every reader of mappings ignores rows with a
-- deactivated_at; restoring moves the row onto a live group and clears it.
ALTER TABLE group_mapping ADD COLUMN deactivated_at DATETIME(3) NULL;
