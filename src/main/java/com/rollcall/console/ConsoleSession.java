package com.rollcall.console;

import com.rollcall.platform.security.ConsoleUserService;
import com.rollcall.platform.security.ConsoleUserView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/** The signed-in console user of this request (and logout). */
@Named
@RequestScoped
public class ConsoleSession {
    @Inject
    private SecurityContext securityContext;

    @Inject
    private ConsoleUserService consoleUsers;

    @Inject
    private FacesContext faces;

    private ConsoleUserView user;

    /** The signed-in user; pages under /console/ are only reachable signed in. */
    public ConsoleUserView getUser() {
        if (user == null && securityContext.getCallerPrincipal() != null) {
            user = consoleUsers.findView(securityContext.getCallerPrincipal().getName()).orElse(null);
        }
        return user;
    }

    public long enterpriseId() {
        ConsoleUserView current = getUser();
        if (current == null) {
            throw new IllegalStateException("no console user signed in");
        }
        return current.enterpriseId();
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
    }
}
