package com.rollcall.enterprise;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/v1/settings}: the provisioning mode (PRODUCT.md rule 1) and the identifier rule (rule 2).
 * The license limit is not the enterprise's to set (licensing's {@code /license} shows it).
 */
@Path("")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Settings", description = "Provisioning mode, identifier rule")
public class EnterpriseSettingsResource {
    @Inject
    private EnterpriseService enterprises;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Path("settings")
    @Operation(summary = "Read the enterprise's settings")
    @APIResponse(responseCode = "200", description = "{name, provisioningMode, identifierRule}")
    public JsonObject settings() {
        return toJson(enterprises.find(requestInfo.enterpriseId()).orElseThrow());
    }

    @PATCH
    @Path("settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change settings", description = "Any of provisioningMode (MANAGED_IN_PLATFORM | "
            + "MANAGED_IN_CONNECTED_SYSTEM) and identifierRule (EMAIL | EMPLOYEE_ID). Each change is audited. "
            + "SCIM keeps working in both modes; in MANAGED_IN_CONNECTED_SYSTEM, users cannot be added or edited "
            + "by hand (group mappings stay editable). licenseLimit is read-only here: licenses are bought, and the operator sets the limit.")
    @RequestBody(description = "{\"provisioningMode\": \"MANAGED_IN_CONNECTED_SYSTEM\"}")
    @APIResponse(responseCode = "200", description = "The settings after the change")
    @APIResponse(responseCode = "400", description = "invalid_request: unknown value")
    @APIResponse(responseCode = "403", description = "forbidden: licenseLimit is set by the operator")
    public JsonObject change(JsonObject body) {
        AdminInput.requireBody(body);
        if (body.containsKey("licenseLimit")) {
            throw ScimException.forbidden("The license limit is set by the operator of Rollcall, not by the enterprise: "
                    + "licenses are bought. Nothing was changed.");
        }
        ProvisioningMode mode = AdminInput.enumValue(body, "provisioningMode", ProvisioningMode.class);
        IdentifierRule rule = AdminInput.enumValue(body, "identifierRule", IdentifierRule.class);
        return toJson(enterprises.changeSettings(requestInfo.actor(), mode, rule));
    }

    private static JsonObject toJson(EnterpriseView view) {
        return ScimJson.object()
                .add("name", view.name())
                .add("provisioningMode", view.provisioningMode().name())
                .add("identifierRule", view.identifierRule().name())
                .build();
    }
}
