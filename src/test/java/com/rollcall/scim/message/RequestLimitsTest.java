package com.rollcall.scim.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.scim.patch.MembershipPatch;
import com.rollcall.scim.patch.PatchRequest;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Work limits per request: operations in a PATCH, member values in a group request; a 400 naming the limit. */
class RequestLimitsTest {
    @Test
    void aPatchMayCarryAThousandOperationsNotMore() {
        assertEquals(1_000, PatchRequest.parse(patch(1_000)).size());
        ScimException refused = assertThrows(ScimException.class, () -> PatchRequest.parse(patch(1_001)));
        assertEquals(400, refused.status());
        assertEquals(ScimErrorType.INVALID_VALUE, refused.type());
        assertTrue(refused.detail().contains("at most 1,000 operations (this one has 1,001)"), refused.detail());
    }

    @Test
    void memberValuesAreCountedAcrossAllOperations() {
        JsonArrayBuilder ops = Json.createArrayBuilder();
        for (int op = 0; op < 2; op++) {
            JsonArrayBuilder values = Json.createArrayBuilder();
            for (int i = 0; i < 25_001; i++) {
                values.add(Json.createObjectBuilder().add("value", "u" + op + "-" + i));
            }
            ops.add(Json.createObjectBuilder().add("op", "add").add("path", "members").add("value", values));
        }
        JsonObject body = Json.createObjectBuilder().add("schemas", Json.createArrayBuilder()
                .add("urn:ietf:params:scim:api:messages:2.0:PatchOp")).add("Operations", ops).build();
        ScimException refused = assertThrows(ScimException.class,
                () -> MembershipPatch.plan(PatchRequest.parse(body)));
        assertTrue(refused.detail().contains("at most 50,000 member values (this one has 50,002)"), refused.detail());
    }

    private static JsonObject patch(int operations) {
        JsonArrayBuilder ops = Json.createArrayBuilder();
        for (int i = 0; i < operations; i++) {
            ops.add(Json.createObjectBuilder().add("op", "replace").add("path", "title").add("value", "t" + i));
        }
        return Json.createObjectBuilder().add("schemas", Json.createArrayBuilder()
                .add("urn:ietf:params:scim:api:messages:2.0:PatchOp")).add("Operations", ops).build();
    }
}
