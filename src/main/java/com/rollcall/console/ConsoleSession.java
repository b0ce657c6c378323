package com.rollcall.console;

import com.rollcall.platform.rest.PublicUrl;
import com.rollcall.platform.security.ApiScope;
import com.rollcall.platform.security.Actor;
import com.rollcall.platform.security.ClientOrigin;
import com.rollcall.people.ConsoleRole;
import com.rollcall.people.ConsoleUserService;
import com.rollcall.people.ConsoleUserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * The signed-in console user of this request (and logout), the navigation they may see, and their actor. Request
 * scoped: its getters read the user at most once per request and otherwise only compute from it.
 */
@Named
@RequestScoped
public class ConsoleSession {
    /** One entry of the console's navigation; {@code id} makes the element id {@code nav-<id>}. */
    public record NavItem(String id, String label, String path, boolean adminOnly) {
    }

    /** Every console page in the navigation, in order (part 2's pages included). */
    static final List<NavItem> NAVIGATION = List.of(
            new NavItem("dashboard", "Dashboard", "/console/dashboard.xhtml", false),
            new NavItem("settings", "Settings", "/console/settings.xhtml", true),
            new NavItem("readiness", "Readiness", "/console/readiness.xhtml", true),
            new NavItem("users", "Users", "/console/users/list.xhtml", true),
            new NavItem("groups", "Groups", "/console/groups/list.xhtml", true),
            new NavItem("roles", "Roles", "/console/roles/list.xhtml", true),
            new NavItem("sub-accounts", "Sub-accounts", "/console/sub-accounts.xhtml", true),
            new NavItem("api-clients", "API clients", "/console/api-clients.xhtml", false),
            new NavItem("webhooks", "Webhooks", "/console/webhooks.xhtml", true),
            new NavItem("people", "People", "/console/people.xhtml", true),
            new NavItem("audit", "Audit log", "/console/audit.xhtml", true),
            new NavItem("export", "Export", "/console/export.xhtml", true));

    @Inject
    private SecurityContext securityContext;

    @Inject
    private ConsoleUserService consoleUsers;

    @Inject
    private FacesContext faces;

    private ConsoleUserView user;
    private boolean userRead;
    private String requestId;

    /**
     * The signed-in user (pages under /console/ are only reachable signed in), read once per request: the
     * template, the navigation and every bean ask for it, and this bean lives for one request only.
     */
    public ConsoleUserView getUser() {
        if (!userRead && securityContext.getCallerPrincipal() != null) {
            user = consoleUsers.findView(securityContext.getCallerPrincipal().getName()).orElse(null);
            userRead = true;
        }
        return user;
    }

    public long enterpriseId() {
        return requireUser().enterpriseId();
    }

    /** Whether the signed-in user is an Enterprise Admin (sees every page of their enterprise). */
    public boolean isAdmin() {
        ConsoleUserView current = getUser();
        return current != null && current.role() == ConsoleRole.ENTERPRISE_ADMIN;
    }

    /** The navigation this user may use: Integrations Managers see only the dashboard and API clients. */
    public List<NavItem> getNavigation() {
        boolean admin = isAdmin();
        return NAVIGATION.stream().filter(item -> admin || !item.adminOnly()).toList();
    }

    /** Whether a nav item is the page being shown (or its section, e.g. every page under /console/users/). */
    public boolean isCurrent(NavItem item) {
        String viewId = faces.getViewRoot() == null ? "" : faces.getViewRoot().getViewId();
        if (viewId.equals(item.path())) {
            return true;
        }
        int slash = item.path().lastIndexOf('/');
        String section = item.path().substring(0, slash + 1);
        return !section.equals("/console/") && viewId.startsWith(section);
    }

    /** The API scopes the signed-in user holds, and so may give to API clients. */
    public java.util.Set<ApiScope> scopes() {
        return requireUser().role().scopes();
    }

    /** The signed-in user as the actor of a use case: audited with their login, address and a request id. */
    public Actor actor() {
        ConsoleUserView current = requireUser();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        if (requestId == null) {
            requestId = UUID.randomUUID().toString();
        }
        return Actor.consoleUser(current.enterpriseId(), current.login(), current.displayName(),
                scopes(), ClientOrigin.address(request), requestId).via(ClientOrigin.proxy(request));
    }

    /** The SCIM base URL of this server as an IdP would be given it (ends in a slash). */
    public String scimBaseUrl() {
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        String url = request.getRequestURL().toString();
        String root = url.substring(0, url.length() - request.getRequestURI().length());
        return root + request.getContextPath() + "/scim/v2/";
    }

    /**
     * The address people reach Rollcall at, ending in a slash, for links handed out (invitations): the configured
     * public URL ({@code ROLLCALL_PUBLIC_URL}) when there is one, else this request's scheme, host and context path.
     */
    public String rootUrl() {
        return PublicUrl.configured().orElseGet(() -> {
            HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
            String url = request.getRequestURL().toString();
            return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath() + "/";
        });
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        if (getUser() != null) {
            consoleUsers.signedOut(actor());
        }
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
    }

    private ConsoleUserView requireUser() {
        ConsoleUserView current = getUser();
        if (current == null) {
            throw new IllegalStateException("no console user signed in");
        }
        return current;
    }
}
