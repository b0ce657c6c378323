package com.rollcall.people;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/** Form login for the console: the login page is a Faces page that calls SecurityContext.authenticate. */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
@DeclareRoles({"ENTERPRISE_ADMIN", "INTEGRATIONS_MANAGER"})
@ApplicationScoped
public class ConsoleAuthentication {
}
