-- Issue 14 (PRODUCT.md rule 2): when a manual user was linked to the identity provider's user, and by which API
-- client. Set by the IdP's first write to the manual user (a POST that adopts it, or the PATCH / PUT that follows
-- its lookup); the USER_LINKED audit event holds the identifier that matched. Users linked before this migration get
-- both from their USER_LINKED event.
ALTER TABLE user_account ADD COLUMN linked_at DATETIME(3) NULL;
ALTER TABLE user_account ADD COLUMN linked_by VARCHAR(200) NULL;
UPDATE user_account SET linked_at = (SELECT MAX(a.occurred_at) FROM audit_event a
    WHERE a.enterprise_id = user_account.enterprise_id AND a.resource_type = 'User'
      AND a.resource_id = user_account.scim_id AND a.action = 'USER_LINKED')
    WHERE source = 'SCIM';
UPDATE user_account SET linked_by = (SELECT MAX(a.actor_name) FROM audit_event a
    WHERE a.enterprise_id = user_account.enterprise_id AND a.resource_type = 'User'
      AND a.resource_id = user_account.scim_id AND a.action = 'USER_LINKED' AND a.occurred_at = user_account.linked_at)
    WHERE linked_at IS NOT NULL;
