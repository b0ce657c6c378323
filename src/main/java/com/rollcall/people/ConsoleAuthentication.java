package com.rollcall.people;

import com.rollcall.platform.persistence.DatabaseOutage;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.util.Set;

/**
 * Form login for the console: the login page is a Faces page that calls SecurityContext.authenticate with the
 * credential. The signed-in caller is kept as a plain serializable attribute of the HTTP session ({@link SignedIn})
 * and handed to the container again on every request, instead of the container's own session principal: with
 * instances sharing sessions through the data grid, Payara's principal comes back from another instance without its
 * groups (every console page answered 403 there), while this attribute replicates like any other. Whether the login
 * may still use the session is checked against the database on every console request (SessionGuardFilter).
 */
@DeclareRoles({"ENTERPRISE_ADMIN", "INTEGRATIONS_MANAGER"})
@ApplicationScoped
public class ConsoleAuthentication implements HttpAuthenticationMechanism {
    static final String SIGNED_IN = "rollcall.console.signedIn";
    /**
     * Set on the request when the credential could not be checked because the database cannot be reached: the
     * failure itself, for the sign-in page to raise (the container's authentication layer would turn it into a 500).
     */
    public static final String DATABASE_UNREACHABLE = "rollcall.console.databaseUnreachable";
    static final String RETURN_TO = "rollcall.console.returnTo";
    private static final String LOGIN_PAGE = "/login.xhtml";

    /** Who is signed in on this session: the login and the console role as the caller's group. */
    public record SignedIn(String login, Set<String> groups) implements Serializable {
        public SignedIn {
            groups = Set.copyOf(groups);
        }
    }

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            CredentialValidationResult result;
            try {
                result = identityStores.validate(credential);
            } catch (RuntimeException failure) {
                if (DatabaseOutage.of(failure) == null) {
                    throw failure;
                }
                request.setAttribute(DATABASE_UNREACHABLE, failure);
                return AuthenticationStatus.SEND_FAILURE;
            }
            return signIn(request, response, context, result);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
            return context.notifyContainerAboutLogin(signedIn.login(), signedIn.groups());
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod()) && !"partial/ajax".equals(request.getHeader("Faces-Request"))) {
                String query = request.getQueryString();
                request.getSession(true).setAttribute(RETURN_TO,
                        request.getRequestURI() + (query == null ? "" : "?" + query));
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    private static AuthenticationStatus signIn(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context, CredentialValidationResult result) {
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession before = request.getSession(false);
        Object returnTo = before == null ? null : before.getAttribute(RETURN_TO);
        if (before != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.removeAttribute(RETURN_TO);
        session.setAttribute(SIGNED_IN, new SignedIn(result.getCallerPrincipal().getName(), result.getCallerGroups()));
        AuthenticationStatus status = context.notifyContainerAboutLogin(result);
        if (status == AuthenticationStatus.SUCCESS && returnTo instanceof String target) {
            try {
                response.sendRedirect(target);
                return AuthenticationStatus.SEND_CONTINUE;
            } catch (IOException e) {
                return status;
            }
        }
        return status;
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(SIGNED_IN);
        }
        HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
    }
}
