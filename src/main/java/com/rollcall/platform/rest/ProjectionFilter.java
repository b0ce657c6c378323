package com.rollcall.platform.rest;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.schema.Projection;
import com.rollcall.scim.schema.ResourceTypeDefinition;
import com.rollcall.scim.schema.ScimSchemas;
import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import java.util.Optional;

/**
 * RFC 7644 §3.9 on every response that carries Users or Groups (reads, lists, and the bodies of POST,
 * PUT and PATCH): {@code attributes} / {@code excludedAttributes} from the query string, or from a
 * {@code .search} body (set as the request property {@link #ATTRIBUTES} / {@link #EXCLUDED}).
 */
public class ProjectionFilter implements ContainerResponseFilter {
    public static final String ATTRIBUTES = "rollcall.attributes";
    public static final String EXCLUDED = "rollcall.excludedAttributes";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof JsonObject body)) {
            return;
        }
        List<String> attributes = list(request, ATTRIBUTES, "attributes");
        List<String> excluded = list(request, EXCLUDED, "excludedAttributes");
        if (attributes.isEmpty() && excluded.isEmpty()) {
            return;
        }
        if (isListResponse(body)) {
            JsonArrayBuilder resources = ScimJson.array();
            for (JsonValue item : body.getJsonArray("Resources")) {
                resources.add(project(item.asJsonObject(), attributes, excluded));
            }
            response.setEntity(ScimJson.object(body).add("Resources", resources).build());
        } else {
            response.setEntity(project(body, attributes, excluded));
        }
    }

    /** The request's list of attribute names: from a .search body if set, else the query string. */
    static List<String> list(ContainerRequestContext request, String property, String queryParameter) {
        Object fromBody = request.getProperty(property);
        if (fromBody instanceof List<?> names) {
            return names.stream().map(String::valueOf).toList();
        }
        return Projection.parseList(request.getUriInfo().getQueryParameters().getFirst(queryParameter));
    }

    private static JsonObject project(JsonObject resource, List<String> attributes, List<String> excluded) {
        return resourceType(resource).map(type -> Projection.apply(resource, type, attributes, excluded)).orElse(resource);
    }

    private static Optional<ResourceTypeDefinition> resourceType(JsonObject resource) {
        JsonObject meta = resource.getJsonObject("meta");
        return meta == null || !meta.containsKey("resourceType") ? Optional.empty()
                : ScimSchemas.resourceType(meta.getString("resourceType"));
    }

    private static boolean isListResponse(JsonObject body) {
        JsonValue schemas = body.get("schemas");
        return body.containsKey("Resources") && schemas instanceof JsonArray array
                && array.contains(ScimJson.PROVIDER.createValue(Urns.LIST_RESPONSE));
    }
}
