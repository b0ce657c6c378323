package com.rollcall.people;

import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.PasswordHasher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/** Console sign-in and the checks every console request makes. */
@Stateless
public class ConsoleUserService {
    @Inject
    private ConsoleUserRepository users;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private LoginOutcome outcome;

    /**
     * Checks a login and password. Unknown logins cost the same time as wrong passwords; failures are
     * counted on the account, and after {@link LoginThrottle#FREE_FAILURES} in a row the account refuses
     * every password for a growing window (not counted again while it lasts, so the window does not grow
     * without end); a refusal looks like any failure. An invited login (no password yet) and a disabled one fail
     * like a wrong password. The right password of a suspended enterprise's login fails too, and the login page
     * may say why ({@link LoginOutcome}).
     */
    public Optional<ConsoleUserView> verify(String login, String password) {
        if (login == null || password == null || login.isBlank()) {
            return Optional.empty();
        }
        Optional<ConsoleUser> user = users.byLogin(login);
        if (user.isEmpty()) {
            PasswordHasher.verifyDummy(password);
            return Optional.empty();
        }
        ConsoleUser u = user.get();
        if (LoginThrottle.locked(u.failedAttempts(), u.lastFailedAt(), Clock.now()) || u.passwordHash() == null) {
            PasswordHasher.verifyDummy(password);
            return Optional.empty();
        }
        if (u.disabled() || !PasswordHasher.verify(password, u.passwordHash())) {
            u.loginFailed();
            return Optional.empty();
        }
        if (enterprises.suspended(u.enterpriseId())) {
            outcome.enterpriseSuspended();
            return Optional.empty();
        }
        u.loginSucceeded();
        return Optional.of(ConsoleUserView.of(u));
    }

    public Optional<ConsoleUserView> findView(String login) {
        return users.byLogin(login).map(ConsoleUserView::of);
    }

    /**
     * Whether the session of a login signed in with this role may go on: the login still exists, can sign in,
     * has that role, and its enterprise is not suspended. Every console request asks (one lookup by the login's
     * unique key, one by the enterprise's id), so a disabled admin's open session ends at their next request.
     */
    public SessionCheck checkSession(String login, String roleAtSignIn) {
        Optional<ConsoleUser> user = users.byLogin(login);
        if (user.isEmpty() || !user.get().signInAllowed()) {
            return SessionCheck.DISABLED;
        }
        if (!user.get().role().name().equals(roleAtSignIn)) {
            return SessionCheck.ROLE_CHANGED;
        }
        return enterprises.suspended(user.get().enterpriseId()) ? SessionCheck.SUSPENDED : SessionCheck.VALID;
    }

    /** A console login with a password (demo data, tests through the operator's bootstrap). */
    public long create(long enterpriseId, String login, String displayName, String password, ConsoleRole role) {
        ConsoleUser user = new ConsoleUser(enterpriseId, login, displayName, PasswordHasher.hash(password), role);
        users.add(user);
        return user.id();
    }

    /** Sets the password of a login if it is not already that password (operator bootstrap). */
    public void ensurePassword(String login, String password) {
        users.byLogin(login).ifPresent(user -> {
            if (!PasswordHasher.verify(password, user.passwordHash())) {
                user.changePasswordHash(PasswordHasher.hash(password));
            }
        });
    }
}
