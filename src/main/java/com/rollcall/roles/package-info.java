/**
 * Roles and their resolution.
 *
 * <p>The pure kernel ({@link com.rollcall.roles.Permission}, {@link com.rollcall.roles.RoleDefinition},
 * {@link com.rollcall.roles.RolePriorityMatrix}, {@link com.rollcall.roles.EffectiveRoleResolver} and
 * its value types) imports only {@code java..}: the role-priority matrix and the effective-role
 * rules (PRODUCT.md rule 8) are unit-tested without a container.
 *
 * <p><b>Power score</b> = Σ weight(permission) − 10 for an enterprise Group Manager role. Weights
 * (all multiples of 20, so the −10 only separates otherwise equal roles): enterprise-wide
 * MANAGE_ENTERPRISE_SETTINGS 200, MANAGE_ROLES 160, MANAGE_USERS 120, MANAGE_GROUPS 100,
 * MANAGE_API_CLIENTS 80, VIEW_AUDIT_LOG 40; sub-account MANAGE_ACCOUNT_SETTINGS 80,
 * PUBLISH_CONTENT 60, MANAGE_AUDIENCES 40, EDIT_CONTENT 40, CREATE_CONTENT 20, VIEW_REPORTS 20.
 * Built-in scores: Enterprise Admin 960, Account Administrator 260, Enterprise Group Manager 170,
 * Editor 140, Enterprise Integrations Manager 80, Contributor 40, Reports Only 20.
 */
package com.rollcall.roles;
