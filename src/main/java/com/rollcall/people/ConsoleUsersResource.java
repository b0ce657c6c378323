package com.rollcall.people;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.PublicUrl;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/v1/console-users}: the enterprise's console logins (the people page, for automation): list,
 * invite, change role, disable and enable, send an invitation again, remove.
 */
@Path("console-users")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Console users", description = "The enterprise's console logins and invitations")
public class ConsoleUsersResource {
    @Inject
    private PeopleService people;

    @Inject
    private RequestInfo requestInfo;

    @Context
    private UriInfo uriInfo;

    @GET
    @Operation(summary = "List console users", description = "By login, with role, status (INVITED, ACTIVE, DISABLED, "
            + "LOCKED), last sign-in, who invited them, and the user of the same email they are linked to.")
    @APIResponse(responseCode = "200", description = "{totalResults, consoleUsers: [...]}")
    public JsonObject list() {
        List<ConsoleUserView> all = people.list(requestInfo.enterpriseId());
        JsonArrayBuilder items = ScimJson.array();
        all.forEach(u -> items.add(u.toJson()));
        return ScimJson.object().add("totalResults", all.size()).add("consoleUsers", items).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a console user")
    @APIResponse(responseCode = "200", description = "The console user")
    @APIResponse(responseCode = "404", description = "not_found (also for another enterprise's)")
    public JsonObject get(@PathParam("id") String id) {
        return people.find(requestInfo.enterpriseId(), AdminInput.id(id, "console user")).toJson();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite a console user", description = "Answers the one-time invitation link (valid 72 hours), "
            + "shown this once. The link opens a page where the person chooses a password and signs in.")
    @RequestBody(description = "{\"email\": \"kim@example.com\", \"displayName\": \"Kim Lee\", \"role\": "
            + "\"INTEGRATIONS_MANAGER\"}; role ENTERPRISE_ADMIN or INTEGRATIONS_MANAGER")
    @APIResponse(responseCode = "201", description = "{consoleUser, invitation: {email, link, expiresAt}}")
    @APIResponse(responseCode = "409", description = "conflict: the email already has a console login")
    public Response invite(JsonObject body) {
        AdminInput.requireBody(body);
        IssuedInvitation invitation = people.invite(requestInfo.actor(), AdminInput.requireString(body, "email", 200),
                AdminInput.optionalString(body, "displayName", 200), requireRole(body));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(invitation.user().id())).build())
                .entity(answer(invitation)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a console user's role, or disable or enable them", description = "Removing, disabling "
            + "or demoting the last active Enterprise Admin is refused (409), and so is disabling yourself. A disabled "
            + "user's open sessions end at their next request.")
    @RequestBody(description = "{\"role\": \"ENTERPRISE_ADMIN\"} and/or {\"disabled\": true}")
    @APIResponse(responseCode = "200", description = "The console user")
    @APIResponse(responseCode = "409", description = "conflict: the last active Enterprise Admin, or yourself")
    public JsonObject change(@PathParam("id") String id, JsonObject body) {
        long consoleUserId = AdminInput.id(id, "console user");
        AdminInput.requireBody(body);
        for (String field : body.keySet()) {
            if (!Set.of("role", "disabled").contains(field)) {
                throw ScimException.invalidValue("Unknown field '" + AdminInput.abbreviate(field) + "': use role, disabled.");
            }
        }
        ConsoleRole role = AdminInput.enumValue(body, "role", ConsoleRole.class);
        JsonValue disabled = body.get("disabled");
        if (role == null && (disabled == null || disabled == JsonValue.NULL)) {
            throw ScimException.invalidValue("Send 'role', 'disabled' or both.");
        }
        ConsoleUserView view = null;
        if (role != null) {
            view = people.changeRole(requestInfo.actor(), consoleUserId, role);
        }
        if (disabled != null && disabled != JsonValue.NULL) {
            view = AdminInput.flag(body, "disabled") ? people.disable(requestInfo.actor(), consoleUserId)
                    : people.enable(requestInfo.actor(), consoleUserId);
        }
        return view.toJson();
    }

    @POST
    @Path("{id}/invitation")
    @Operation(summary = "Send an invitation again", description = "A new link, valid 72 hours; the previous one stops "
            + "working. Only while the person has not chosen a password (409 after).")
    @APIResponse(responseCode = "201", description = "{consoleUser, invitation: {email, link, expiresAt}}")
    public Response resend(@PathParam("id") String id) {
        IssuedInvitation invitation = people.resendInvitation(requestInfo.actor(), AdminInput.id(id, "console user"));
        return Response.status(Response.Status.CREATED).entity(answer(invitation)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a console user", description = "The login is gone (the audit log keeps its history). "
            + "Refused (409) for yourself and the last active Enterprise Admin.")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") String id) {
        people.remove(requestInfo.actor(), AdminInput.id(id, "console user"));
        return Response.noContent().build();
    }

    private JsonObject answer(IssuedInvitation invitation) {
        return ScimJson.object()
                .add("consoleUser", invitation.user().toJson())
                .add("invitation", ScimJson.object()
                        .add("email", invitation.user().login())
                        .add("link", invitation.link(PublicUrl.of(requestInfo.baseUrl(), "/api/admin/v1/")))
                        .add("expiresAt", invitation.expiresAt().toString()))
                .build();
    }

    private static ConsoleRole requireRole(JsonObject body) {
        ConsoleRole role = AdminInput.enumValue(body, "role", ConsoleRole.class);
        if (role == null) {
            throw ScimException.invalidValue("'role' is required: ENTERPRISE_ADMIN or INTEGRATIONS_MANAGER.");
        }
        return role;
    }
}
