package com.rollcall.platform.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * {@code OPTIONS} on a SCIM path is {@code 204} with its {@code Allow} header and no body. JAX-RS's own answer is a
 * {@code text/plain} list of methods (or, asked for {@code application/scim+json}, an empty body under that type),
 * where every SCIM answer is {@code application/scim+json} or has no body.
 */
public class OptionsAnswer implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if ("OPTIONS".equals(request.getMethod()) && response.getStatus() == 200) {
            response.setEntity(null);
            response.setStatus(204);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }
}
