package com.rollcall.console;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every action an enterprise's audit log records, with how the console says it ("Group mapping added"): the one
 * source of the Action filter and of the log's wording, so no action can be offered without words or recorded
 * without being offered ({@code AuditActionsTest} reads the recorded actions from the code and compares).
 */
public final class AuditActions {
    private AuditActions() {
    }

    /** Action code → words, by code. */
    public static final Map<String, String> WORDS = Collections.unmodifiableMap(new TreeMap<>(Map.ofEntries(
            Map.entry("API_CLIENT_CREATED", "API client created"),
            Map.entry("API_CLIENT_REVOKED", "API client revoked"),
            Map.entry("CONSOLE_SIGNED_IN", "Signed in to the console"),
            Map.entry("CONSOLE_SIGNED_OUT", "Signed out of the console"),
            Map.entry("CONSOLE_SIGN_IN_FAILED", "Console sign-in failed"),
            Map.entry("CONSOLE_USER_DISABLED", "Console login disabled"),
            Map.entry("CONSOLE_USER_ENABLED", "Console login enabled"),
            Map.entry("CONSOLE_USER_INVITATION_ACCEPTED", "Invitation accepted"),
            Map.entry("CONSOLE_USER_INVITATION_RESENT", "Invitation link renewed"),
            Map.entry("CONSOLE_USER_INVITED", "Person invited to the console"),
            Map.entry("CONSOLE_USER_REMOVED", "Console login removed"),
            Map.entry("CONSOLE_USER_ROLE_CHANGED", "Console role changed"),
            Map.entry("ENTERPRISE_CREATED", "Enterprise created"),
            Map.entry("ENTERPRISE_RENAMED", "Enterprise renamed"),
            Map.entry("ENTERPRISE_RESUMED", "Enterprise resumed"),
            Map.entry("ENTERPRISE_SUSPENDED", "Enterprise suspended"),
            Map.entry("GROUP_CREATED", "Group created"),
            Map.entry("GROUP_DELETED", "Group deleted"),
            Map.entry("GROUP_MAPPING_ADDED", "Group mapping added"),
            Map.entry("GROUP_MAPPING_REMOVED", "Group mapping removed"),
            Map.entry("GROUP_MAPPINGS_DISCARDED", "Kept group mappings discarded"),
            Map.entry("GROUP_MAPPINGS_RESTORED", "Kept group mappings restored"),
            Map.entry("GROUP_MEMBER_ADDED", "Members added to a group"),
            Map.entry("GROUP_MEMBER_REMOVED", "Members removed from a group"),
            Map.entry("GROUP_PATCHED", "Group updated"),
            Map.entry("GROUP_REPLACED", "Group replaced"),
            Map.entry("IDENTIFIER_RULE_CHANGED", "Identifier rule changed"),
            Map.entry("LICENSE_LIMIT_CHANGED", "License limit changed"),
            Map.entry("LICENSES_ASSIGNED", "Licenses assigned"),
            Map.entry("LICENSE_REQUEST_DECLINED", "License request declined"),
            Map.entry("LICENSE_REQUEST_GRANTED", "License request granted"),
            Map.entry("LICENSES_REQUESTED", "More licenses requested"),
            Map.entry("PROVISIONING_MODE_CHANGED", "Provisioning mode changed"),
            Map.entry("ROLE_CREATED", "Role created"),
            Map.entry("ROLE_DELETED", "Role deleted"),
            Map.entry("ROLE_EDITED", "Role edited"),
            Map.entry("SUB_ACCOUNT_CREATED", "Sub-account created"),
            Map.entry("SUB_ACCOUNT_DELETED", "Sub-account deleted"),
            Map.entry("SUB_ACCOUNT_RENAMED", "Sub-account renamed"),
            Map.entry("USER_CREATED", "User created"),
            Map.entry("USER_DEACTIVATED", "User deactivated"),
            Map.entry("USER_DELETED", "User deleted"),
            Map.entry("USER_EDITED", "User edited in the console"),
            Map.entry("USER_LINKED", "Manual user linked to the identity provider"),
            Map.entry("USER_PATCHED", "User updated"),
            Map.entry("USER_REACTIVATED", "User reactivated"),
            Map.entry("USER_REPLACED", "User replaced"),
            Map.entry("WEBHOOK_CHANGED", "Webhook endpoint changed"),
            Map.entry("WEBHOOK_CREATED", "Webhook endpoint added"),
            Map.entry("WEBHOOK_DELETED", "Webhook endpoint deleted"),
            Map.entry("WEBHOOK_DELIVERY_RESENT", "Webhook delivery sent again"))));

    /** Every action, by code (the Action filter's order). */
    public static final List<String> CODES = List.copyOf(WORDS.keySet());

    /** The action in words; an unknown code (never recorded by this version) as it is. */
    public static String words(String code) {
        return code == null ? "" : WORDS.getOrDefault(code, code);
    }
}
