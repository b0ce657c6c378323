package com.rollcall.operators;

import com.rollcall.enterprise.EnterpriseView;
import com.rollcall.licensing.LicenseRequestView;
import com.rollcall.platform.rest.JsonFields;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;

/** An enterprise as its operator sees it: settings, seats used and bought, the last SCIM call, suspension. */
public record EnterpriseOverview(EnterpriseView enterprise, int seatsUsed, int licenseLimit, Instant lastScimCallAt,
        LicenseRequestView openLicenseRequest) {
    public JsonObject toJson() {
        EnterpriseView e = enterprise;
        JsonObjectBuilder json = ScimJson.object()
                .add("id", Long.toString(e.id()))
                .add("name", e.name())
                .add("seatsUsed", seatsUsed)
                .add("licenseLimit", licenseLimit)
                .add("provisioningMode", e.provisioningMode().name())
                .add("identifierRule", e.identifierRule().name())
                .add("suspended", e.suspended())
                .add("createdAt", e.createdAt().toString());
        JsonFields.addOrNull(json, "suspendedAt", e.suspendedAt());
        JsonFields.addOrNull(json, "suspendedReason", e.suspendedReason());
        JsonFields.addOrNull(json, "lastScimCallAt", lastScimCallAt);
        if (openLicenseRequest == null) {
            json.addNull("openLicenseRequest");
        } else {
            json.add("openLicenseRequest", openLicenseRequest.toJson());
        }
        return json.build();
    }
}
