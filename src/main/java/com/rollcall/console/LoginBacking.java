package com.rollcall.console;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import com.rollcall.people.ConsoleAuthentication;
import com.rollcall.people.LoginOutcome;
import com.rollcall.platform.security.SessionCookies;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * /login.xhtml: form login through Jakarta Security. A failure says only that it failed (or that the address must
 * wait, the server is busy, or the enterprise is suspended); no request thread is held to slow an attacker down: the
 * per-address budget and the bounded password checks do that (ConsoleUserService).
 */
@Named
@RequestScoped
public class LoginBacking {
    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext faces;

    @Inject
    private LoginOutcome outcome;

    private String username;
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = securityContext.authenticate(request, response,
                withParams().credential(new UsernamePasswordCredential(username, new Password(password))));
        if (request.getAttribute(ConsoleAuthentication.DATABASE_UNREACHABLE) instanceof RuntimeException unreachable) {
            throw unreachable; // the "try again" page with 503 + Retry-After (ConsoleOutageFilter), not a wrong password
        }
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                renewSessionId(request, response);
                external.redirect(external.getRequestContextPath() + "/console/dashboard.xhtml");
            }
            default -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, outcome.message(), null));
        }
    }

    /**
     * A signed-in session never keeps the id it had before (session fixation: an id planted in the browser, or read
     * off the sign-in page, opens nothing). The cookie that carries the new id is completed as every session cookie
     * is (HttpOnly, SameSite=Lax, Secure over TLS: {@link SessionCookies}).
     */
    static void renewSessionId(HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
            SessionCookies.complete(request, response);
        }
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
