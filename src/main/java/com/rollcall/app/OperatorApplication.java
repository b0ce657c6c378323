package com.rollcall.app;

import com.rollcall.operators.OperatorAuditResource;
import com.rollcall.operators.OperatorBearerTokenFilter;
import com.rollcall.operators.OperatorEnterprisesResource;
import com.rollcall.operators.OperatorLicenseRequestsResource;
import com.rollcall.operators.OperatorTokensResource;
import com.rollcall.platform.rest.AdminExceptionMapper;
import com.rollcall.platform.rest.AdminFallbackExceptionMapper;
import com.rollcall.platform.rest.AdminRequestIdFilter;
import com.rollcall.platform.rest.AdminWebApplicationExceptionMapper;
import com.rollcall.platform.rest.ScimJsonProvider;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * The operator API at {@code /api/operator/v1}: what the company running Rollcall does (onboard and manage
 * enterprises, answer license requests, manage its own tokens). Operator tokens only; JSON errors exactly as the
 * admin API's ({@code {"code","message","requestId"}}). Documented at {@code /openapi} with the admin API.
 */
@ApplicationPath("/api/operator/v1")
public class OperatorApplication extends Application {
    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(
                ScimJsonProvider.class,
                AdminRequestIdFilter.class,
                OperatorBearerTokenFilter.class,
                AdminExceptionMapper.class,
                AdminWebApplicationExceptionMapper.class,
                AdminFallbackExceptionMapper.class,
                OperatorTokensResource.class,
                OperatorEnterprisesResource.class,
                OperatorLicenseRequestsResource.class,
                OperatorAuditResource.class,
                com.rollcall.events.OperatorEventsResource.class);
    }
}
