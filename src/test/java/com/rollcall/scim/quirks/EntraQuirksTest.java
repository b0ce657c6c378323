package com.rollcall.scim.quirks;

import static com.rollcall.scim.patch.PatchFixtures.BJENSEN;
import static com.rollcall.scim.patch.PatchFixtures.CORE_USER;
import static com.rollcall.scim.patch.PatchFixtures.ENTERPRISE;
import static com.rollcall.scim.patch.PatchFixtures.MANAGER_ID;
import static com.rollcall.scim.patch.PatchFixtures.NEWCOMER;
import static com.rollcall.scim.patch.PatchFixtures.TOUR_GUIDES;
import static com.rollcall.scim.patch.PatchFixtures.copy;
import static com.rollcall.scim.patch.PatchFixtures.enterprise;
import static com.rollcall.scim.patch.PatchFixtures.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.rollcall.scim.patch.MembershipPatch;
import com.rollcall.scim.patch.PatchEngine;
import com.rollcall.scim.patch.PatchFixtures;
import com.rollcall.scim.patch.PatchOperation;
import com.rollcall.scim.patch.PatchRequest;
import com.rollcall.scim.schema.ScimSchemas;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each ENTRA.md quirk as the raw IdP payload (src/test/resources/scim/entra/*.json) beside its RFC 7644
 * equivalent (*.rfc.json): both must give the same, fully spelt-out resource (the pattern of
 * pingidentity/scim2's NonStandardRemoveOperationTest). Group payloads must also give the same membership
 * plan.
 */
class EntraQuirksTest {
    private static final PatchEngine USERS = new PatchEngine(ScimSchemas.USER_RESOURCE_TYPE);
    private static final PatchEngine GROUPS = new PatchEngine(ScimSchemas.GROUP_RESOURCE_TYPE);

    static Stream<Arguments> quirks() {
        JsonArray emails = BJENSEN.getJsonArray("emails");
        JsonObject withManager = copy(NEWCOMER)
                .add("schemas", Json.createArrayBuilder().add(CORE_USER).add(ENTERPRISE))
                .add(ENTERPRISE, Json.createObjectBuilder().add("manager", Json.createObjectBuilder().add("value", MANAGER_ID)))
                .build();
        return Stream.of(
                arguments("Q1 capitalised op names (Q12: the RFC dialect is the lower-case twin)", USERS, BJENSEN,
                        "q1-capitalised-ops", copy(BJENSEN).add("displayName", "Barbara Jensen").add("title", "Head Tour Guide")
                                .add("name", copy(BJENSEN.getJsonObject("name")).remove("formatted")).build()),
                arguments("Q2 \"True\"/\"False\" strings for booleans, at a path and inside a filtered value", USERS, BJENSEN,
                        "q2-boolean-strings", copy(BJENSEN).add("active", false).add("emails", Json.createArrayBuilder()
                                .add(copy(emails.getJsonObject(0)).remove("primary"))
                                .add(copy(emails.getJsonObject(1)).add("primary", true))).build()),
                arguments("Q2 boolean strings inside a path-less value object", USERS, BJENSEN,
                        "q2-boolean-strings-pathless", copy(BJENSEN).add("active", false).build()),
                arguments("Q3 remove members with a value array removes those members only", GROUPS, TOUR_GUIDES,
                        "q3-remove-members-value-array", copy(TOUR_GUIDES).add("members",
                                Json.createArrayBuilder().add(TOUR_GUIDES.getJsonArray("members").get(1))).build()),
                arguments("Q4 path-less replace keyed by attribute paths", USERS, BJENSEN,
                        "q4-path-keyed-replace", copy(BJENSEN).add("displayName", "Barbara Jensen")
                                .add("name", copy(BJENSEN.getJsonObject("name")).add("givenName", "Barb"))
                                .add(ENTERPRISE, copy(enterprise(BJENSEN)).add("employeeNumber", "701985"))
                                .add("emails", Json.createArrayBuilder()
                                        .add(copy(emails.getJsonObject(0)).add("value", "barbara@example.com"))
                                        .add(emails.getJsonObject(1))).build()),
                arguments("Q5 add/replace on attr[type eq \"t\"].sub creates the typed value", USERS, NEWCOMER,
                        "q5-create-typed-value", copy(NEWCOMER)
                                .add("emails", Json.createArrayBuilder().add(json("{\"type\": \"work\", \"value\": \"pat.doe@contoso.example\"}")))
                                .add("phoneNumbers", Json.createArrayBuilder().add(json("{\"type\": \"mobile\", \"value\": \"+1 425 555 0100\"}")))
                                .add("addresses", Json.createArrayBuilder().add(json(
                                        "{\"type\": \"work\", \"locality\": \"Redmond\", \"postalCode\": \"98052\"}"))).build()),
                arguments("Q6 manager as a plain id at the URN path", USERS, NEWCOMER, "q6-manager-string|q6-manager", withManager),
                arguments("Q6 manager as a one-element array at path manager", USERS, NEWCOMER, "q6-manager-array|q6-manager", withManager),
                arguments("Q6 manager object inside the extension object, readOnly displayName and null $ref dropped", USERS, NEWCOMER,
                        "q6-manager-object-pathless|q6-manager", withManager),
                arguments("Q7 roles in any form are ignored", USERS, BJENSEN,
                        "q7-roles", copy(BJENSEN).add("title", "Head Tour Guide").build()),
                arguments("Q8 misspelt enterprise URN, unknown URNs, $ref null and explicit nulls", USERS, BJENSEN,
                        "q8-lenient-urns-and-nulls", copy(BJENSEN).remove("title")
                                .add(ENTERPRISE, copy(enterprise(BJENSEN)).add("department", "Rides").add("employeeNumber", "701985"))
                                .add("emails", Json.createArrayBuilder(emails)
                                        .add(json("{\"value\": \"babs@disney.example\", \"type\": \"other\"}"))).build()),
                arguments("Q8 Microsoft's ADSCIM group URN and an explicit null", GROUPS, TOUR_GUIDES,
                        "q8-adscim-group", copy(TOUR_GUIDES).add("displayName", "Senior Tour Guides").remove("externalId").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quirks")
    void givesTheIdpPayloadTheMeaningOfItsRfcEquivalent(String quirk, PatchEngine engine, JsonObject resource, String files,
                                                        JsonObject expected) {
        String idpFile = files.contains("|") ? files.substring(0, files.indexOf('|')) : files;
        String rfcFile = (files.contains("|") ? files.substring(files.indexOf('|') + 1) : files) + ".rfc";
        List<PatchOperation> idp = operations(idpFile);
        List<PatchOperation> rfc = operations(rfcFile);

        JsonObject fromIdp = engine.apply(resource, idp);
        assertEquals(engine.apply(resource, rfc), fromIdp);
        assertEquals(expected, fromIdp);
        assertNotEquals(resource, fromIdp);

        if (engine == GROUPS) {
            MembershipPatch.Plan idpPlan = MembershipPatch.plan(idp);
            MembershipPatch.Plan rfcPlan = MembershipPatch.plan(rfc);
            assertEquals(rfcPlan.memberSteps(), idpPlan.memberSteps());
            JsonObject withoutMembers = copy(resource).remove("members").build();
            assertEquals(engine.apply(withoutMembers, rfcPlan.otherOperations()),
                    engine.apply(withoutMembers, idpPlan.otherOperations()));
        }
    }

    private static List<PatchOperation> operations(String file) {
        return PatchRequest.parse(PatchFixtures.resource("/scim/entra/" + file + ".json"));
    }
}
