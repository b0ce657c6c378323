package com.rollcall.operators;

import com.rollcall.enterprise.IdentifierRule;
import com.rollcall.enterprise.ProvisioningMode;
import com.rollcall.licensing.LicenseService;
import com.rollcall.licensing.LimitChange;
import com.rollcall.people.IssuedInvitation;
import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.JsonPage;
import com.rollcall.platform.rest.PublicUrl;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/operator/v1/enterprises}: onboard, list, read, rename, set licenses, suspend and resume enterprises. */
@Path("enterprises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Enterprises", description = "Customers of this Rollcall: onboarding, licenses, suspension")
public class OperatorEnterprisesResource {
    static final int MAX_NAME_LENGTH = 200;
    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 200;
    private static final Set<String> CREATE_FIELDS = Set.of("name", "licenseLimit", "identifierRule", "provisioningMode",
            "firstAdminEmail", "firstAdminName");

    @Inject
    private OperatorEnterpriseService enterprises;

    @Inject
    private RequestInfo requestInfo;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Onboard an enterprise", description = "Creates the enterprise with its license limit and "
            + "settings, and invites its first Enterprise Admin: the answer carries the one-time invitation link "
            + "(valid 72 hours), shown this once. All or nothing.")
    @RequestBody(description = "{\"name\": \"Acme\", \"licenseLimit\": 500, \"identifierRule\": \"EMAIL\", "
            + "\"provisioningMode\": \"MANAGED_IN_PLATFORM\", \"firstAdminEmail\": \"it@acme.example\", "
            + "\"firstAdminName\": \"Acme IT\"}; identifierRule, provisioningMode and firstAdminName are optional")
    @APIResponse(responseCode = "201", description = "{enterprise, invitation: {email, link, expiresAt}}")
    @APIResponse(responseCode = "400", description = "invalid_request naming the field")
    @APIResponse(responseCode = "409", description = "conflict: the name (any letter case) or the admin's email is taken")
    public Response onboard(JsonObject body) {
        AdminInput.requireBody(body);
        refuseUnknown(body, CREATE_FIELDS);
        String name = AdminInput.requireString(body, "name", MAX_NAME_LENGTH);
        int limit = AdminInput.requireInt(body, "licenseLimit", 0, LicenseService.MAX_LIMIT);
        IdentifierRule rule = orDefault(AdminInput.enumValue(body, "identifierRule", IdentifierRule.class), IdentifierRule.EMAIL);
        ProvisioningMode mode = orDefault(AdminInput.enumValue(body, "provisioningMode", ProvisioningMode.class),
                ProvisioningMode.MANAGED_IN_PLATFORM);
        String email = AdminInput.requireString(body, "firstAdminEmail", 200);
        String adminName = AdminInput.optionalString(body, "firstAdminName", 200);
        OperatorEnterpriseService.Onboarded onboarded = enterprises.onboard(requestInfo.actor(), name, limit, rule, mode,
                email, adminName);
        JsonObject answer = ScimJson.object()
                .add("enterprise", onboarded.enterprise().toJson())
                .add("invitation", invitation(onboarded.invitation()))
                .build();
        return Response.created(uriInfo.getAbsolutePathBuilder()
                        .path(Long.toString(onboarded.enterprise().enterprise().id())).build())
                .entity(answer).build();
    }

    @GET
    @Operation(summary = "List enterprises", description = "By name, paged; q searches names (any case).")
    @APIResponse(responseCode = "200", description = "{totalResults, startIndex, itemsPerPage, enterprises: [...]}")
    public JsonObject list(@Parameter(description = "text the name contains") @QueryParam("q") String q,
            @Parameter(description = "1-based, default 1") @QueryParam("startIndex") String startIndex,
            @Parameter(description = "page size, default 50, at most 200") @QueryParam("count") String count) {
        if (q != null && q.length() > MAX_NAME_LENGTH) {
            throw ScimException.invalidValue("'q' must have at most " + MAX_NAME_LENGTH + " characters.");
        }
        JsonPage.Paging paging = JsonPage.paging(startIndex, count, DEFAULT_COUNT, MAX_COUNT);
        OperatorEnterpriseService.OverviewPage page = enterprises.page(q, paging.offset(), paging.count());
        return JsonPage.of(page.totalResults(), paging.startIndex(), "enterprises", page.enterprises(),
                EnterpriseOverview::toJson);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an enterprise")
    @APIResponse(responseCode = "200", description = "The enterprise")
    @APIResponse(responseCode = "404", description = "not_found")
    public JsonObject get(@PathParam("id") String id) {
        return enterprises.overview(AdminInput.operatorId(id, "enterprise")).toJson();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename an enterprise or change its license limit", description = "This is the only place a "
            + "license limit changes. A limit below the seats in use is accepted: nobody is deactivated, no new seat "
            + "can be taken, and the answer's notice says so.")
    @RequestBody(description = "{\"name\": \"Acme Corp\", \"licenseLimit\": 750}; either or both")
    @APIResponse(responseCode = "200", description = "{enterprise, notice}")
    public JsonObject change(@PathParam("id") String id, JsonObject body) {
        long enterpriseId = AdminInput.operatorId(id, "enterprise");
        AdminInput.requireBody(body);
        refuseUnknown(body, Set.of("name", "licenseLimit"));
        String name = AdminInput.optionalString(body, "name", MAX_NAME_LENGTH);
        Integer limit = AdminInput.optionalInt(body, "licenseLimit", 0, LicenseService.MAX_LIMIT);
        if (name == null && limit == null) {
            throw ScimException.invalidValue("Send 'name', 'licenseLimit' or both.");
        }
        LimitChange change = enterprises.change(requestInfo.actor(), enterpriseId, name, limit);
        JsonObjectBuilder answer = ScimJson.object().add("enterprise", enterprises.overview(enterpriseId).toJson());
        if (change != null && change.notice() != null) {
            answer.add("notice", change.notice());
        } else {
            answer.addNull("notice");
        }
        return answer.build();
    }

    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Suspend an enterprise", description = "Its SCIM and admin API calls get 403 saying it is "
            + "suspended; its console refuses sign-in and ends open sessions. Nothing is deleted.")
    @RequestBody(description = "{\"reason\": \"Unpaid invoice\"} (optional)")
    @APIResponse(responseCode = "200", description = "The enterprise")
    public JsonObject suspend(@PathParam("id") String id, JsonObject body) {
        long enterpriseId = AdminInput.operatorId(id, "enterprise");
        String reason = body == null ? null : AdminInput.optionalString(body, "reason", 500);
        return enterprises.suspend(requestInfo.actor(), enterpriseId, reason).toJson();
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Resume a suspended enterprise")
    @APIResponse(responseCode = "200", description = "The enterprise")
    public JsonObject resume(@PathParam("id") String id) {
        return enterprises.resume(requestInfo.actor(), AdminInput.operatorId(id, "enterprise")).toJson();
    }

    @POST
    @Path("{id}/admin-invitations")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite another Enterprise Admin", description = "When the first admin's link was lost or "
            + "expired (the enterprise's own admins can also send it again), or they left.")
    @RequestBody(description = "{\"email\": \"it@acme.example\", \"name\": \"Acme IT\"}")
    @APIResponse(responseCode = "201", description = "{email, link, expiresAt}")
    public Response inviteAdmin(@PathParam("id") String id, JsonObject body) {
        long enterpriseId = AdminInput.operatorId(id, "enterprise");
        AdminInput.requireBody(body);
        IssuedInvitation invitation = enterprises.inviteAdmin(requestInfo.actor(), enterpriseId,
                AdminInput.requireString(body, "email", 200), AdminInput.optionalString(body, "name", 200));
        return Response.status(Response.Status.CREATED).entity(invitation(invitation)).build();
    }

    private JsonObject invitation(IssuedInvitation invitation) {
        return ScimJson.object()
                .add("email", invitation.user().login())
                .add("link", invitation.link(PublicUrl.of(requestInfo.baseUrl(), "/api/operator/v1/")))
                .add("expiresAt", invitation.expiresAt().toString())
                .build();
    }

    private static void refuseUnknown(JsonObject body, Set<String> known) {
        for (String field : body.keySet()) {
            if (!known.contains(field)) {
                throw ScimException.invalidValue("Unknown field '" + AdminInput.abbreviate(field) + "': use "
                        + String.join(", ", new java.util.TreeSet<>(known)) + ".");
            }
        }
    }

    private static <T> T orDefault(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
