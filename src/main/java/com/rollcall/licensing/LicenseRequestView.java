package com.rollcall.licensing;

import com.rollcall.platform.rest.JsonFields;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.Instant;

/** A license request as the enterprise and the operator see it. */
public record LicenseRequestView(long id, long enterpriseId, int seatsRequested, String note, LicenseRequest.Status status,
        String requestedBy, Instant requestedAt, int limitAtRequest, int usedAtRequest, String decidedBy, Instant decidedAt,
        Integer grantedLimit, String declineReason) implements Serializable {
    static LicenseRequestView of(LicenseRequest r) {
        return new LicenseRequestView(r.id(), r.enterpriseId(), r.seatsRequested(), r.note(), r.status(), r.requestedBy(),
                r.requestedAt(), r.limitAtRequest(), r.usedAtRequest(), r.decidedBy(), r.decidedAt(), r.grantedLimit(),
                r.declineReason());
    }

    public boolean open() {
        return status == LicenseRequest.Status.OPEN;
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = ScimJson.object()
                .add("id", Long.toString(id))
                .add("enterpriseId", Long.toString(enterpriseId))
                .add("seatsRequested", seatsRequested)
                .add("status", status.name())
                .add("requestedBy", requestedBy)
                .add("requestedAt", requestedAt.toString())
                .add("limitAtRequest", limitAtRequest)
                .add("usedAtRequest", usedAtRequest);
        JsonFields.addOrNull(json, "note", note);
        JsonFields.addOrNull(json, "decidedBy", decidedBy);
        JsonFields.addOrNull(json, "decidedAt", decidedAt);
        JsonFields.addOrNull(json, "grantedLimit", grantedLimit);
        JsonFields.addOrNull(json, "declineReason", declineReason);
        return json.build();
    }
}
