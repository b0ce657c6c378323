package com.rollcall.app;

import com.rollcall.discovery.ResourceTypesResource;
import com.rollcall.discovery.SchemasResource;
import com.rollcall.discovery.ServiceProviderConfigResource;
import com.rollcall.groups.GroupsResource;
import com.rollcall.platform.rest.FallbackExceptionMapper;
import com.rollcall.platform.rest.OptionsAnswer;
import com.rollcall.platform.rest.ProjectionFilter;
import com.rollcall.platform.rest.RequestIdFilter;
import com.rollcall.platform.rest.ScimMetrics;
import com.rollcall.platform.rest.ScimExceptionMapper;
import com.rollcall.platform.rest.ScimJsonProvider;
import com.rollcall.platform.rest.WebApplicationExceptionMapper;
import com.rollcall.search.RootSearchResource;
import com.rollcall.apiclients.ScimBearerTokenFilter;
import com.rollcall.users.UsersResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;
import java.util.Set;

/**
 * The SCIM 2.0 API at {@code /scim/v2} (never {@code /}, which would shadow the console). Its classes
 * are listed explicitly so that each API (SCIM, admin) gets exactly its own resources and filters.
 */
@ApplicationPath("/scim/v2")
public class ScimApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ScimJsonProvider.class,
                RequestIdFilter.class,
                ScimMetrics.class,
                ProjectionFilter.class,
                ScimBearerTokenFilter.class,
                ScimExceptionMapper.class,
                WebApplicationExceptionMapper.class,
                FallbackExceptionMapper.class,
                ServiceProviderConfigResource.class,
                SchemasResource.class,
                ResourceTypesResource.class,
                UsersResource.class,
                GroupsResource.class,
                RootSearchResource.class,
                OptionsAnswer.class);
    }

    /** No WADL: it would answer OPTIONS and {@code /application.wadl} in XML instead of SCIM. */
    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
