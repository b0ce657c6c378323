package com.rollcall.bench;

import java.util.List;

/**
 * Request bodies as Microsoft Entra ID sends them (src/test/resources/scim/entra/, shared/ENTRA.md):
 * both schema URNs and the typo'd one, roles and a password that must be ignored, capitalised PATCH
 * ops, {@code "False"} as a string, member values with {@code "$ref": null}.
 */
final class Entra {
    private Entra() {
    }

    static String userName(String tag, int i) {
        return "user" + i + "." + tag + "@bench.example";
    }

    static String createUser(String tag, int i, String externalId) {
        String userName = userName(tag, i);
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0User\"],"
                + "\"externalId\":" + Json.q(externalId) + ",\"userName\":" + Json.q(userName) + ",\"active\":true,"
                + "\"addresses\":[{\"country\":\"US\",\"formatted\":\"1 Microsoft Way\\nRedmond WA 98052\\nUS\","
                + "\"locality\":\"Redmond\",\"postalCode\":\"98052\",\"primary\":false,\"region\":\"WA\","
                + "\"streetAddress\":\"1 Microsoft Way\",\"type\":\"work\"}],"
                + "\"displayName\":" + Json.q("Bench User " + i) + ","
                + "\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":" + Json.q(userName) + "}],"
                + "\"meta\":{\"resourceType\":\"User\"},"
                + "\"name\":{\"familyName\":\"User" + i + "\",\"formatted\":\"Bench User" + i + "\",\"givenName\":\"Bench\"},"
                + "\"password\":\"Q7x!pR2#vLw9-Entra-Initial\","
                + "\"phoneNumbers\":[{\"type\":\"mobile\",\"value\":\"+1 425 555 0109\"},{\"type\":\"work\",\"value\":\"+1 425 555 0100\"}],"
                + "\"preferredLanguage\":\"en-US\","
                + "\"roles\":[{\"primary\":\"False\",\"type\":\"WindowsAzureActiveDirectoryRole\",\"display\":\"Sales Reader\","
                + "\"value\":\"{\\\"id\\\":\\\"5b0a4bdc-5f30-4c07-9d0e-3f0fd1d83b1d\\\",\\\"displayName\\\":\\\"Sales Reader\\\","
                + "\\\"value\\\":\\\"Sales.Read\\\"}\"}],"
                + "\"title\":\"Retail Manager\",\"userType\":\"Member\","
                + "\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\":{\"costCenter\":\"CC-4711\","
                + "\"department\":\"Retail\",\"division\":\"Americas\",\"employeeNumber\":\"E" + i + "-" + tag + "\","
                + "\"organization\":\"Contoso\"}}";
    }

    /** An incremental-sync update: 3 attributes for even users, 2 for odd ones. */
    static String updateUser(String tag, int i) {
        StringBuilder ops = new StringBuilder();
        ops.append("{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"Renamed").append(i).append("\"},");
        ops.append("{\"op\":\"Replace\",\"path\":\"title\",\"value\":\"Senior Retail Manager\"}");
        if (i % 2 == 0) {
            ops.append(",{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":")
                    .append(Json.q("user" + i + "." + tag + ".moved@bench.example")).append("}");
        }
        return patch(ops.toString());
    }

    static String deactivate() {
        return patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}");
    }

    static String createGroup(String displayName, String externalId) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\","
                + "\"http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group\"],"
                + "\"externalId\":" + Json.q(externalId) + ",\"displayName\":" + Json.q(displayName) + ","
                + "\"meta\":{\"resourceType\":\"Group\"},\"members\":[]}";
    }

    static String addMembers(List<String> ids) {
        return patch("{\"op\":\"Add\",\"path\":\"members\",\"value\":" + members(ids) + "}");
    }

    static String removeMembers(List<String> ids) {
        return patch("{\"op\":\"Remove\",\"path\":\"members\",\"value\":" + members(ids) + "}");
    }

    private static String members(List<String> ids) {
        StringBuilder b = new StringBuilder(ids.size() * 56 + 2).append('[');
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            b.append("{\"$ref\":null,\"value\":\"").append(ids.get(i)).append("\"}");
        }
        return b.append(']').toString();
    }

    private static String patch(String operations) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[" + operations + "]}";
    }
}
