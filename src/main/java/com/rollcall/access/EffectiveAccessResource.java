package com.rollcall.access;

import com.rollcall.platform.rest.RequestInfo;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/users/{id}/effective-access}: a user's effective access, explained (PRODUCT.md rule 8). */
@Path("users/{id}/effective-access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access", description = "Roles, sub-accounts, group mappings and effective access")
public class EffectiveAccessResource {
    @Inject
    private EffectiveAccessService access;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Operation(summary = "A user's effective access", description = "Per sub-account (and at the enterprise level): "
            + "the winning role, every candidate with its groups and score, and the rule that decided, in plain words.")
    public JsonObject effectiveAccess(@PathParam("id") String id) {
        return access.effectiveAccess(requestInfo.enterpriseId(), id).toJson();
    }
}
