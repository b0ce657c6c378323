package com.rollcall.people;

import com.rollcall.apiclients.ApiTokens;
import com.rollcall.audit.AuditTrail;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.Actor;
import com.rollcall.platform.security.PasswordHasher;
import com.rollcall.scim.message.ScimException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The invitation page: what a link is worth, and accepting it with a password that passes {@link PasswordPolicy}.
 * A link works once and for 72 hours; its token is 256 random bits, stored as its SHA-256 only.
 */
@Stateless
public class InvitationService {
    @Inject
    private ConsoleUserRepository users;

    @Inject
    private AuditTrail audit;

    public InvitationCheck check(String token) {
        return find(token).map(user -> checkOf(user, Clock.now())).orElse(InvitationCheck.of(InvitationCheck.State.UNKNOWN));
    }

    /**
     * Sets the invited login's first password and uses the link. Refused: a link that is not valid (with its
     * {@link InvitationCheck#problem()}), a password that is too weak (the policy's words), a confirmation that
     * differs. Returns the login, to sign in with.
     */
    public String accept(String token, String password, String confirmation, String requestAddress, String proxyAddress,
            String requestId) {
        ConsoleUser user = find(token).orElseThrow(() ->
                ScimException.invalidValue(InvitationCheck.of(InvitationCheck.State.UNKNOWN).problem()));
        InvitationCheck check = checkOf(user, Clock.now());
        if (!check.valid()) {
            throw ScimException.invalidValue(check.problem());
        }
        List<String> problems = PasswordPolicy.problems(password, user.login());
        if (!problems.isEmpty()) {
            throw ScimException.invalidValue(String.join(" ", problems));
        }
        if (!password.equals(confirmation)) {
            throw ScimException.invalidValue("The two passwords differ.");
        }
        ConsoleUserView before = ConsoleUserView.of(user);
        user.acceptInvitation(PasswordHasher.hash(password), Clock.now());
        users.flush();
        Actor self = Actor.consoleUser(user.enterpriseId(), user.login(), user.displayName(), user.role().scopes(),
                requestAddress, requestId).via(proxyAddress);
        audit.record(self, "CONSOLE_USER_INVITATION_ACCEPTED", "ConsoleUser", Long.toString(user.id()), user.login(),
                before.toJson(), ConsoleUserView.of(user).toJson());
        return user.login();
    }

    private Optional<ConsoleUser> find(String token) {
        if (token == null || !ApiTokens.plausible(token)) {
            return Optional.empty();
        }
        String hash = ApiTokens.hash(token);
        return users.byInvitationHash(hash).filter(user -> ApiTokens.sameHash(user.invitationHash(), hash));
    }

    private static InvitationCheck checkOf(ConsoleUser user, Instant now) {
        if (user.invitationUsedAt() != null || user.passwordHash() != null) {
            return InvitationCheck.of(InvitationCheck.State.USED);
        }
        if (user.invitationExpiresAt() == null || !now.isBefore(user.invitationExpiresAt())) {
            return InvitationCheck.of(InvitationCheck.State.EXPIRED);
        }
        return new InvitationCheck(InvitationCheck.State.VALID, user.login(), user.displayName(), user.role(),
                user.invitationExpiresAt());
    }
}
