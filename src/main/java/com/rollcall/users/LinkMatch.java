package com.rollcall.users;

import com.rollcall.enterprise.IdentifierRule;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The identifier that tied the identity provider's user to a manual user when the IdP's first write linked them
 * (PRODUCT.md rule 2), as the {@code USER_LINKED} audit event names it: the value the manual record and the IdP's
 * version of the user share. A create found the manual user by the enterprise's identifier rule, so that identifier
 * is shared; a PATCH or PUT follows the IdP's own lookup (userName by default, or the matching attribute the customer
 * configured), so the enterprise's identifier is looked for first, then userName, externalId and the other
 * identifier; when the write changed all of them, the IdP addressed the record by its id.
 *
 * @param attribute {@code email}, {@code employeeNumber}, {@code userName}, {@code externalId} or {@code id}
 * @param value the matched value as the manual user held it (emails lower-cased)
 */
record LinkMatch(String attribute, String value) {
    static LinkMatch between(IdentifierRule rule, String scimId, UserAttributes manual, UserAttributes idp) {
        LinkMatch byEmail = sharedEmail(manual, idp);
        LinkMatch byEmployeeNumber = sharedEmployeeNumber(manual, idp);
        LinkMatch byRule = rule == IdentifierRule.EMPLOYEE_ID ? byEmployeeNumber : byEmail;
        if (byRule != null) {
            return byRule;
        }
        if (manual.userName() != null && Objects.equals(UserAccount.userNameKey(manual.userName()),
                UserAccount.userNameKey(idp.userName()))) {
            return new LinkMatch("userName", manual.userName());
        }
        if (manual.externalId() != null && manual.externalId().equals(idp.externalId())) {
            return new LinkMatch("externalId", manual.externalId());
        }
        LinkMatch other = rule == IdentifierRule.EMPLOYEE_ID ? byEmail : byEmployeeNumber;
        return other != null ? other : new LinkMatch("id", scimId);
    }

    private static LinkMatch sharedEmail(UserAttributes manual, UserAttributes idp) {
        Set<String> shared = new TreeSet<>(manual.emailKeys());
        shared.retainAll(idp.emailKeys());
        return shared.isEmpty() ? null : new LinkMatch("email", shared.iterator().next());
    }

    private static LinkMatch sharedEmployeeNumber(UserAttributes manual, UserAttributes idp) {
        String key = UserAccount.employeeNumberKey(manual.employeeNumber());
        return key != null && key.equals(UserAccount.employeeNumberKey(idp.employeeNumber()))
                ? new LinkMatch("employeeNumber", manual.employeeNumber().trim()) : null;
    }

    /**
     * What the audit event's after-state carries under {@code linked}: the API client, the request that linked
     * (POST, PATCH, PUT), the enterprise's identifier rule and the identifier that matched.
     */
    JsonObject toJson(String client, String request, IdentifierRule rule) {
        return ScimJson.object()
                .add("client", client == null ? "" : client)
                .add("request", request)
                .add("identifierRule", rule.name())
                .add("matchedBy", attribute)
                .add("value", value == null ? "" : value)
                .build();
    }
}
