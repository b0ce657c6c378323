package com.rollcall.platform.security;

import com.rollcall.platform.security.TrustedProxies.Origin;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * First on every request (web.xml maps it before the others): resolves who sent it ({@link ClientOrigin}) from the
 * connection and, only when that is a trusted proxy ({@code rollcall.trusted.proxies}), its {@code X-Forwarded-For}
 * and {@code X-Forwarded-Proto}. The request goes on wrapped so that {@code getRemoteAddr()} and {@code isSecure()} tell
 * the resolved truth. A console page that came over TLS through the proxy gets its session
 * here, so its cookie can be marked {@code Secure} before anything is written ({@link SessionCookies}).
 */
@WebFilter(filterName = "ClientOriginFilter", urlPatterns = "/*", asyncSupported = true)
public class ClientOriginFilter extends HttpFilter {
    private static final Logger LOG = Logger.getLogger(ClientOriginFilter.class.getName());

    private transient TrustedProxies proxies = TrustedProxies.none();

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        String configured = ConfigProvider.getConfig().getOptionalValue("rollcall.trusted.proxies", String.class)
                .orElse("");
        try {
            proxies = TrustedProxies.parse(configured);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.SEVERE, "rollcall.trusted.proxies (ROLLCALL_TRUSTED_PROXIES) is not a list of addresses "
                    + "or CIDR ranges ({0}): no proxy is trusted until it is fixed", e.getMessage());
            proxies = TrustedProxies.none();
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Origin origin = proxies.resolve(request.getRemoteAddr(),
                Collections.list(request.getHeaders("X-Forwarded-For")),
                Collections.list(request.getHeaders("X-Forwarded-Proto")), request.isSecure());
        request.setAttribute(ClientOrigin.ATTRIBUTE, origin);
        if (origin.secure() && !request.isSecure() && isPage(request) && request.getSession(false) == null) {
            request.getSession(true);
            SessionCookies.complete(request, response);
        }
        chain.doFilter(origin.proxyAddress() == null && origin.secure() == request.isSecure() ? request
                : new Resolved(request, origin), response);
    }

    /** A console or sign-in page (the paths that hold a session), not an API call or a static resource. */
    private static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.endsWith(".xhtml") && !path.startsWith("/jakarta.faces.resource/")
                || path.startsWith("/console/");
    }

    /** The request as its client sent it: the resolved address and scheme. */
    private static final class Resolved extends HttpServletRequestWrapper {
        private final Origin origin;

        Resolved(HttpServletRequest request, Origin origin) {
            super(request);
            this.origin = origin;
        }

        @Override
        public String getRemoteAddr() {
            return origin.clientAddress();
        }

        @Override
        public String getRemoteHost() {
            return origin.clientAddress();
        }

        @Override
        public boolean isSecure() {
            return origin.secure();
        }
    }
}
