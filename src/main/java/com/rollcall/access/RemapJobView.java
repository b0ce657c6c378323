package com.rollcall.access;

import com.rollcall.platform.rest.JsonFields;
import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.Serializable;
import java.time.Instant;

/** A background recomputation of effective roles, as the console and the admin API show it. */
public record RemapJobView(long id, String groupScimId, String groupName, String reason, String status, long processed,
        long total, long changed, long unlicensed, Instant createdAt, Instant finishedAt, String message)
        implements Serializable {

    /** Progress in percent, 0–100 (a group that grew while the job ran may exceed its first total). */
    public int percent() {
        if (finished()) {
            return 100;
        }
        return total <= 0 ? 0 : (int) Math.min(99, processed * 100 / total);
    }

    public boolean finished() {
        return "DONE".equals(status) || "FAILED".equals(status);
    }

    /** The admin API's form of the job (on /remap-jobs and in a mapping change's answer). */
    public JsonObject toJson() {
        JsonObjectBuilder json = ScimJson.object().add("id", id).add("status", status).add("reason", reason)
                .add("processed", processed).add("total", total).add("percent", percent()).add("changed", changed)
                .add("unlicensed", unlicensed).add("createdAt", createdAt.toString());
        JsonFields.addOrNull(json, "groupId", groupScimId);
        JsonFields.addOrNull(json, "groupName", groupName);
        JsonFields.addOrNull(json, "finishedAt", finishedAt);
        JsonFields.addOrNull(json, "message", message);
        return json.build();
    }

}
