package com.rollcall.discovery;

import com.rollcall.platform.rest.RequestInfo;
import com.rollcall.scim.schema.ServiceProviderConfigDocument;
import com.rollcall.scim.schema.Urns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** {@code /scim/v2/ServiceProviderConfig}: what this server supports, truthfully. */
@Path("ServiceProviderConfig")
@ApplicationScoped
@Produces(Urns.MEDIA_TYPE)
public class ServiceProviderConfigResource {
    @Inject
    private RequestInfo request;

    @GET
    public JsonObject get() {
        return ServiceProviderConfigDocument.build(request.baseUrl());
    }
}
