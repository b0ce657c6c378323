package com.rollcall.platform.rest;

import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address people reach Rollcall at, for links it hands out (invitations): {@code rollcall.public.url}
 * ({@code ROLLCALL_PUBLIC_URL}, e.g. {@code https://rollcall.example.com/}) when set, which is what a server behind
 * a load balancer or proxy needs; else the address of the request that asked for the link.
 */
public final class PublicUrl {
    private PublicUrl() {
    }

    /**
     * The application's root URL (ending in a slash): the configured one, or the request's base URL with the API's
     * path ({@code apiPath}, e.g. {@code /api/operator/v1/}) taken off.
     */
    public static String of(String requestBaseUrl, String apiPath) {
        Optional<String> configured = configured();
        if (configured.isPresent()) {
            return configured.get();
        }
        int api = requestBaseUrl.indexOf(apiPath);
        String root = api < 0 ? requestBaseUrl : requestBaseUrl.substring(0, api + 1);
        return root.endsWith("/") ? root : root + "/";
    }

    /** The configured public URL, ending in a slash; empty when none is configured. */
    public static Optional<String> configured() {
        try {
            return ConfigProvider.getConfig().getOptionalValue("rollcall.public.url", String.class)
                    .map(String::strip).filter(url -> url.startsWith("http://") || url.startsWith("https://"))
                    .map(url -> url.endsWith("/") ? url : url + "/");
        } catch (IllegalStateException noConfig) {
            return Optional.empty();
        }
    }
}
