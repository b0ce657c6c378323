package com.rollcall.people;

import com.rollcall.platform.security.ClientOrigin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * Jakarta Security identity store over console users; the console role becomes the caller's group. The sign-in budget
 * counts per client address as {@link ClientOrigin} resolved it (behind a trusted proxy: the forwarded one).
 */
@ApplicationScoped
public class ConsoleIdentityStore implements IdentityStore {
    @Inject
    private ConsoleUserService consoleUsers;

    @Inject
    private HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return consoleUsers.verify(login.getCaller(), login.getPasswordAsString(), ClientOrigin.address(request))
                .map(user -> new CredentialValidationResult(user.login(), Set.of(user.role().name())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
