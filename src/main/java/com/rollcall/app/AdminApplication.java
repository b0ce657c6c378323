package com.rollcall.app;

import com.rollcall.access.DeletedGroupsResource;
import com.rollcall.access.EffectiveAccessResource;
import com.rollcall.access.GroupMappingsResource;
import com.rollcall.access.RolesResource;
import com.rollcall.access.SubAccountsResource;
import com.rollcall.apiclients.AdminBearerTokenFilter;
import com.rollcall.apiclients.ApiClientsResource;
import com.rollcall.audit.AuditResource;
import com.rollcall.enterprise.EnterpriseSettingsResource;
import com.rollcall.export.ExportResource;
import com.rollcall.groups.GroupMembersResource;
import com.rollcall.licensing.LicenseResource;
import com.rollcall.people.ConsoleUsersResource;
import com.rollcall.platform.rest.AdminExceptionMapper;
import com.rollcall.platform.rest.AdminFallbackExceptionMapper;
import com.rollcall.platform.rest.AdminRequestIdFilter;
import com.rollcall.platform.rest.AdminWebApplicationExceptionMapper;
import com.rollcall.platform.rest.ScimJsonProvider;
import com.rollcall.readiness.MigrationReadinessResource;
import com.rollcall.remap.RemapJobsResource;
import com.rollcall.users.ManualUsersResource;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The admin JSON API at {@code /api/admin/v1}: what the console does, for automation. Bearer tokens with
 * the {@code admin} scope; JSON in and out; errors {@code {"code","message","requestId"}}. Its classes are
 * listed explicitly, so the SCIM API's error format and filters never apply here, nor these there.
 */
@ApplicationPath("/api/admin/v1")
@OpenAPIDefinition(
        info = @Info(title = "Rollcall admin API", version = "1",
                description = "Enterprise administration for automation: API clients, audit log, migration readiness, "
                        + "backup export. Authenticate with an API client token that has the 'admin' scope. Errors are "
                        + "{\"code\", \"message\", \"requestId\"} with stable codes: unauthorized, forbidden, not_found, "
                        + "invalid_request, conflict, internal_error."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer")
public class AdminApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ScimJsonProvider.class,
                AdminRequestIdFilter.class,
                AdminBearerTokenFilter.class,
                AdminExceptionMapper.class,
                AdminWebApplicationExceptionMapper.class,
                AdminFallbackExceptionMapper.class,
                ApiClientsResource.class,
                RemapJobsResource.class,
                AuditResource.class,
                MigrationReadinessResource.class,
                ExportResource.class,
                EnterpriseSettingsResource.class,
                LicenseResource.class,
                ManualUsersResource.class,
                GroupMembersResource.class,
                RolesResource.class,
                SubAccountsResource.class,
                GroupMappingsResource.class,
                DeletedGroupsResource.class,
                EffectiveAccessResource.class,
                ConsoleUsersResource.class,
                com.rollcall.events.EventsResource.class,
                com.rollcall.events.WebhooksResource.class);
    }
}
