package com.rollcall.platform.rest;

import com.rollcall.platform.security.ClientOrigin;
import com.rollcall.scim.schema.Urns;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * First and last on every SCIM request: gives it an id, records the caller's address (and the trusted proxy it came
 * through, {@link ClientOrigin}), and makes
 * content negotiation forgiving the way IdPs need it: any Accept that admits JSON gets
 * {@code application/scim+json}; a missing User-Agent is fine (ENTRA.md Q13).
 */
@PreMatching
@Priority(100)
public class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {
    public static final String HEADER = "X-Request-Id";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    private RequestInfo requestInfo;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        byte[] id = new byte[8];
        RANDOM.nextBytes(id);
        requestInfo.setRequestId(HexFormat.of().formatHex(id));
        requestInfo.setCallerAddress(servletRequest == null ? null : ClientOrigin.address(servletRequest));
        requestInfo.setProxyAddress(servletRequest == null ? null : ClientOrigin.proxy(servletRequest));
        requestInfo.setBaseUrl(request.getUriInfo().getBaseUri().toString());
        List<String> accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        if (responseMediaType() != null && accept != null && accept.stream().anyMatch(RequestIdFilter::admitsScimJson)) {
            request.getHeaders().putSingle(HttpHeaders.ACCEPT, responseMediaType());
        }
    }

    /** The media type a request whose Accept admits JSON is answered with; null leaves Accept alone. */
    protected String responseMediaType() {
        return Urns.MEDIA_TYPE;
    }

    private static boolean admitsScimJson(String acceptHeader) {
        for (String part : acceptHeader.split(",")) {
            String type = part.split(";")[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (type.equals("*/*") || type.equals("application/*") || type.equals(MediaType.APPLICATION_JSON)
                    || type.equals(Urns.MEDIA_TYPE) || type.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (requestInfo.requestId() != null) {
            response.getHeaders().putSingle(HEADER, requestInfo.requestId());
        }
    }
}
