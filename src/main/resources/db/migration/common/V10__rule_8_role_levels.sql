-- PRODUCT.md rule 8, sharpened: explicit sub-account roles win in their sub-account; only enterprise roles granting
-- access to all sub-accounts are inherited (stored under scope_key -1); Group Manager and Integrations Manager give
-- nothing inside sub-accounts; license exemption only when every role held consumes none. Stored effective roles
-- and seats computed under the old rule are recomputed in the background, resumably, with visible progress
-- (GET /api/admin/v1/remap-jobs, the console's group pages), once per enterprise that has mappings.
INSERT INTO remap_job (enterprise_id, kind, reason, status, cursor_user_id, processed, total, changed, unlicensed,
                       created_at)
SELECT e.id, 'ALL', 'Effective roles recomputed for the role levels of rule 8', 'QUEUED', 0, 0,
       (SELECT COUNT(*) FROM user_account u WHERE u.enterprise_id = e.id), 0, 0, CURRENT_TIMESTAMP
FROM enterprise e WHERE EXISTS (SELECT 1 FROM group_mapping gm WHERE gm.enterprise_id = e.id);
