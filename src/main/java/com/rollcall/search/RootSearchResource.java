package com.rollcall.search;

import com.rollcall.groups.GroupProvisioningService;
import com.rollcall.platform.query.ListQuery;
import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.platform.rest.SearchRequest;
import com.rollcall.scim.message.ListResponse;
import com.rollcall.scim.message.ScimErrorType;
import com.rollcall.scim.message.ScimException;
import com.rollcall.scim.schema.Projection;
import com.rollcall.scim.schema.ScimSchemas;
import com.rollcall.scim.schema.Urns;
import com.rollcall.users.UserProvisioningService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code POST /scim/v2/.search} (RFC 7644 §3.4.3): one search over Users then Groups. A filter that
 * names attributes only one resource type has (userName, members) simply finds nothing of the other;
 * a filter neither understands is 400 invalidFilter. sortBy applies within each resource type.
 */
@Path(".search")
@ApplicationScoped
@Produces(Urns.MEDIA_TYPE)
@Consumes({Urns.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class RootSearchResource {
    @Inject
    private UserProvisioningService users;

    @Inject
    private GroupProvisioningService groups;

    @Inject
    private RequestInfo request;

    @POST
    public JsonObject search(JsonObject body, @Context ContainerRequestContext context) {
        SearchRequest search = SearchRequest.parse(body);
        search.applyTo(context);
        ListQuery query = search.query();
        long enterpriseId = request.enterpriseId();
        boolean withMembers = Projection.wants(ScimSchemas.GROUP_RESOURCE_TYPE, search.attributes(),
                search.excludedAttributes(), "members");
        Function<ListQuery, JsonObject> userSearch = q -> users.search(enterpriseId, q, request.baseUrl());
        Function<ListQuery, JsonObject> groupSearch = q -> groups.search(enterpriseId, q, withMembers, request.baseUrl());

        ScimException userFailure = null;
        long userTotal = 0;
        try {
            userTotal = total(userSearch, query);
        } catch (ScimException e) {
            userFailure = filterProblem(e);
        }
        long groupTotal = 0;
        boolean groupsUnderstood = true;
        try {
            groupTotal = total(groupSearch, query);
        } catch (ScimException e) {
            if (userFailure != null) {
                throw userFailure;
            }
            filterProblem(e);
            groupsUnderstood = false;
        }

        List<JsonObject> resources = new ArrayList<>();
        if (userFailure == null && query.startIndex() <= userTotal && query.count() > 0) {
            resources.addAll(items(userSearch.apply(query)));
        }
        int remaining = query.count() - resources.size();
        if (groupsUnderstood && remaining > 0) {
            int start = (int) Math.max(1, query.startIndex() - userTotal);
            if (start <= groupTotal) {
                resources.addAll(items(groupSearch.apply(
                        new ListQuery(query.filter(), start, remaining, query.sortBy(), query.descending()))));
            }
        }
        return ListResponse.of(userTotal + groupTotal, query.startIndex(), resources);
    }

    private static long total(Function<ListQuery, JsonObject> search, ListQuery query) {
        return search.apply(new ListQuery(query.filter(), 1, 0, null, false)).getJsonNumber("totalResults").longValue();
    }

    /** Only "this resource type has no such attribute" is tolerated per type; other errors propagate. */
    private static ScimException filterProblem(ScimException e) {
        if (e.type() != ScimErrorType.INVALID_FILTER) {
            throw e;
        }
        return e;
    }

    private static List<JsonObject> items(JsonObject listResponse) {
        return listResponse.getJsonArray("Resources").getValuesAs(JsonValue::asJsonObject);
    }
}
