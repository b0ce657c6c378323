package com.rollcall.platform.rest;

import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * Success responses for single SCIM resources: ETag from meta.version and Location from meta.location on every one
 * (GET, PUT, PATCH and create alike: clients written against conformance suites expect it).
 */
public final class ScimResponses {
    private ScimResponses() {
    }

    public static Response ok(JsonObject resource) {
        return withMeta(Response.ok(resource), resource).build();
    }

    /** 200 with a body written as it streams; headers (ETag, Location) from the resource's form without it. */
    public static Response streamed(JsonObject header, jakarta.ws.rs.core.StreamingOutput body) {
        return withMeta(Response.ok(body), header).build();
    }

    /** 204 with the resource's ETag (a PATCH whose client wants no body). */
    public static Response noContent(JsonObject resource) {
        return withMeta(Response.noContent(), resource).build();
    }

    public static Response created(JsonObject resource) {
        return withMeta(Response.status(Response.Status.CREATED).entity(resource), resource).build();
    }

    private static Response.ResponseBuilder withMeta(Response.ResponseBuilder response, JsonObject resource) {
        response.type(Urns.MEDIA_TYPE);
        JsonObject meta = resource.getJsonObject("meta");
        if (meta != null && meta.containsKey("version")) {
            String version = meta.getString("version");
            boolean weak = version.startsWith("W/");
            String value = version.substring(weak ? 2 : 0).replace("\"", "");
            response.tag(new EntityTag(value, weak));
        }
        if (meta != null && meta.containsKey("location")) {
            response.location(URI.create(meta.getString("location")));
        }
        return response;
    }
}
