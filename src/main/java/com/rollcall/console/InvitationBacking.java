package com.rollcall.console;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import com.rollcall.people.ConsoleRole;
import com.rollcall.people.InvitationCheck;
import com.rollcall.people.InvitationService;
import com.rollcall.people.PasswordPolicy;
import com.rollcall.platform.security.ClientOrigin;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * /invitation.xhtml?token=: a public page (outside /console, like the login page). A valid link says who is invited
 * and to which role, and asks for a password (with the strength rule as a checklist that follows the typing; the
 * server's {@link PasswordPolicy} decides); accepting signs the person in and opens the dashboard. A used, expired or
 * unknown link shows only {@link InvitationCheck#problem()}. {@link InvitationHeadersFilter} keeps the page (whose
 * address holds the token) out of caches and referrers.
 */
@Named
@ViewScoped
public class InvitationBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One line of the checklist: its key (for the script) and its words (the policy's). */
    public record Rule(String key, String text) implements Serializable {
    }

    private static final List<Rule> RULES = List.of(new Rule("length", PasswordPolicy.LENGTH_RULE),
            new Rule("classes", PasswordPolicy.CLASSES_RULE), new Rule("repeat", PasswordPolicy.REPEAT_RULE),
            new Rule("common", PasswordPolicy.COMMON_RULE), new Rule("name", PasswordPolicy.NAME_RULE));
    private static final String COMMON_PASSWORDS = PasswordPolicy.commonPasswords();

    @Inject
    private InvitationService invitations;


    private String token;
    private String link;
    private InvitationCheck check;
    private String password;
    private String confirmation;

    /** f:viewAction: what the link is worth. */
    public void load() {
        if (check == null) {
            link = token;
            check = invitations.check(link);
        }
    }

    /**
     * Sets the password (the link is used up) and signs in with it, as the login page does; when signing in does not
     * succeed (an enterprise suspended meanwhile), the login page says the password is set.
     */
    public void accept() throws IOException {
        InvitationCheck now = invitations.check(link);
        if (!now.valid()) {
            check = now;
            return;
        }
        if (!password.equals(confirmation)) {
            Feedback.fieldError("invitation:confirmation", "The two passwords differ: type the same password twice.");
            return;
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String login = Feedback.attempt("invitation:password", () -> invitations.accept(link, password, confirmation,
                ClientOrigin.address(request), ClientOrigin.proxy(request), UUID.randomUUID().toString()));
        if (login == null) {
            return;
        }
        // Looked up when used: a view-scoped bean travels between instances in the session, a request's context does not.
        AuthenticationStatus status = jakarta.enterprise.inject.spi.CDI.current().select(SecurityContext.class).get().authenticate(request, (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(login, new Password(password))));
        password = null;
        confirmation = null;
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> {
                LoginBacking.renewSessionId(request, (HttpServletResponse) external.getResponse());
                external.redirect(external.getRequestContextPath() + "/console/dashboard.xhtml");
            }
            default -> external.redirect(external.getRequestContextPath() + "/login.xhtml?accepted=true");
        }
    }

    public String roleLabel() {
        return check == null || check.role() == null ? ""
                : check.role() == ConsoleRole.ENTERPRISE_ADMIN ? "Enterprise Admin" : "Integrations Manager";
    }

    public List<Rule> getRules() { return RULES; }
    public int getMinLength() { return PasswordPolicy.MIN_LENGTH; }
    public int getMaxLength() { return PasswordPolicy.MAX_LENGTH; }
    public int getPassphraseLength() { return PasswordPolicy.PASSPHRASE_LENGTH; }
    public String getCommonPasswords() { return COMMON_PASSWORDS; }
    public InvitationCheck getCheck() { return check; }
    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
