package com.rollcall.readiness;

import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.readiness.ReadinessReport.Clash;
import com.rollcall.readiness.ReadinessReport.Section;
import com.rollcall.readiness.ReadinessReport.UserRef;
import com.rollcall.scim.json.ScimJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/admin/v1/migration-readiness}: the checklist before switching to the connected system. */
@Path("migration-readiness")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Migration readiness", description = "What to fix before the IdP takes over")
public class MigrationReadinessResource {
    @Inject
    private MigrationReadinessService readiness;

    @Inject
    private RequestInfo requestInfo;

    @GET
    @Operation(summary = "Migration readiness report", description = "Manual users an IdP could not match under the "
            + "enterprise's identifier rule, identifier clashes (email, employee number), license headroom and groups "
            + "with no mapping. Counts are exact; lists hold at most the first 100; each section's 'advice' says, in words, "
            + "what the items do once an identity provider arrives and what to do about them.")
    @APIResponse(responseCode = "200", description = "The report; 'ready' is true when nothing blocks the switch")
    public JsonObject report() {
        ReadinessReport r = readiness.report(requestInfo.enterpriseId());
        return ScimJson.object()
                .add("ready", r.ready())
                .add("identifierRule", r.identifierRule())
                .add("listLimit", MigrationReadinessService.LIST_LIMIT)
                .add("unmatchableManualUsers", section(r.unmatchableManualUsers(), "users", MigrationReadinessResource::user))
                .add("emailClashes", section(r.emailClashes(), "clashes", MigrationReadinessResource::clash))
                .add("employeeNumberClashes", section(r.employeeNumberClashes(), "clashes", MigrationReadinessResource::clash))
                .add("licenses", ScimJson.object()
                        .add("limit", r.licenses().limit())
                        .add("activeUsers", r.licenses().activeUsers())
                        .add("headroom", r.licenses().headroom())
                        .add("seatsUsed", r.licenses().seatsUsed())
                        .add("seatsHeadroom", r.licenses().seatsHeadroom()))
                .add("unmappedGroups", section(r.unmappedGroups(), "groups", g -> ScimJson.object()
                        .add("id", g.id()).add("displayName", g.displayName()).add("memberCount", g.memberCount()).build()))
                .build();
    }

    private static <T> JsonObjectBuilder section(Section<T> section, String name, Function<T, JsonObject> item) {
        JsonArrayBuilder items = ScimJson.array();
        section.items().forEach(i -> items.add(item.apply(i)));
        return ScimJson.object().add("count", section.count()).add(name, items).add("advice", section.advice());
    }

    private static JsonObject user(UserRef u) {
        return ScimJson.object().add("id", u.id()).add("userName", u.userName()).build();
    }

    private static JsonObject clash(Clash c) {
        JsonArrayBuilder users = ScimJson.array();
        List.copyOf(c.users()).forEach(u -> users.add(user(u)));
        return ScimJson.object().add("value", c.value()).add("userCount", c.userCount()).add("users", users).build();
    }
}
