package com.rollcall.events;

import com.rollcall.platform.rest.AdminInput;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.message.ScimException;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/admin/v1/webhooks}: the enterprise's webhook endpoints (the secret is answered once, at creation), their
 * recent deliveries, and sending one again.
 */
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Change feed")
public class WebhooksResource {
    private static final int MAX_DESCRIPTION = 200;

    @Inject
    private WebhookService webhooks;

    @Inject
    private WebhookResendService resends;

    @Inject
    private RequestInfo requestInfo;

    @Context
    private UriInfo uriInfo;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a webhook endpoint", description = "{url, eventTypes?: [...], description?}. The answer "
            + "carries the signing secret, this once. The endpoint receives the events recorded from now on.")
    public Response create(JsonObject body) {
        AdminInput.requireBody(body);
        WebhookService.Created created = webhooks.create(requestInfo.actor(),
                AdminInput.requireString(body, "url", WebhookUrls.MAX_LENGTH), eventTypes(body),
                AdminInput.optionalString(body, "description", MAX_DESCRIPTION));
        return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(created.endpoint().id())).build())
                .entity(created.toJson()).build();
    }

    @GET
    @Operation(summary = "List the webhook endpoints")
    public JsonObject list() {
        JsonArrayBuilder items = ScimJson.array();
        webhooks.list(requestInfo.enterpriseId()).forEach(e -> items.add(e.toJson()));
        return ScimJson.object().add("endpoints", items).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One webhook endpoint")
    public JsonObject get(@PathParam("id") String id) {
        return webhooks.get(requestInfo.enterpriseId(), AdminInput.id(id, "webhook endpoint")).toJson();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a webhook endpoint", description = "{url?, eventTypes?, description?, enabled?: true} — "
            + "enabled re-activates a disabled endpoint from the event where it stopped.")
    public JsonObject update(@PathParam("id") String id, JsonObject body) {
        AdminInput.requireBody(body);
        long endpointId = AdminInput.id(id, "webhook endpoint");
        String url = body.containsKey("url") ? AdminInput.requireString(body, "url", WebhookUrls.MAX_LENGTH) : null;
        List<String> types = body.containsKey("eventTypes") ? eventTypes(body) : null;
        String description = AdminInput.optionalString(body, "description", MAX_DESCRIPTION);
        if (body.containsKey("enabled") && !AdminInput.flag(body, "enabled")) {
            throw ScimException.invalidValue("'enabled' can only be true (Rollcall disables a failing endpoint itself; "
                    + "delete an endpoint you no longer want).");
        }
        return webhooks.update(requestInfo.actor(), endpointId, url, types, description, AdminInput.flag(body, "enabled"))
                .toJson();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a webhook endpoint")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(requestInfo.actor(), AdminInput.id(id, "webhook endpoint"));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(summary = "Recent delivery attempts", description = "Newest first, at most 'limit' (1–200, default 50): "
            + "outcome, response code, latency, error.")
    public JsonObject deliveries(@PathParam("id") String id, @QueryParam("limit") String limit) {
        JsonArrayBuilder items = ScimJson.array();
        webhooks.deliveries(requestInfo.enterpriseId(), AdminInput.id(id, "webhook endpoint"),
                AdminInput.integer(limit, "limit", 50, 1, 200)).forEach(d -> items.add(d.toJson()));
        return ScimJson.object().add("deliveries", items).build();
    }

    @POST
    @Path("{id}/deliveries/{deliveryId}/resend")
    @Operation(summary = "Send a delivery's event again, now", description = "Answers the new attempt. The endpoint's "
            + "cursor does not move.")
    public JsonObject resend(@PathParam("id") String id, @PathParam("deliveryId") String deliveryId) {
        return resends.resend(requestInfo.actor(), AdminInput.id(id, "webhook endpoint"),
                AdminInput.id(deliveryId, "webhook delivery")).toJson();
    }

    private static List<String> eventTypes(JsonObject body) {
        JsonValue value = body.get("eventTypes");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array) || array.size() > EventType.values().length) {
            throw ScimException.invalidValue("'eventTypes' must be an array of event types (empty: all of them).");
        }
        List<String> types = new ArrayList<>();
        for (JsonValue item : array) {
            if (!(item instanceof JsonString s)) {
                throw ScimException.invalidValue("'eventTypes' must contain only strings.");
            }
            types.add(s.getString());
        }
        return types;
    }
}
