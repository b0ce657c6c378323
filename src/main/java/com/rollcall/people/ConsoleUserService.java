package com.rollcall.people;

import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.security.PasswordHasher;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/** Console login use cases. */
@Stateless
public class ConsoleUserService {
    @Inject
    private ConsoleUserRepository users;

    /**
     * Checks a login and password. Unknown logins cost the same time as wrong passwords; failures are
     * counted on the account, and after {@link LoginThrottle#FREE_FAILURES} in a row the account refuses
     * every password for a growing window (not counted again while it lasts, so the window does not grow
     * without end); a refusal looks like any failure.
     */
    public Optional<ConsoleUserView> verify(String login, String password) {
        if (login == null || password == null || login.isBlank()) {
            return Optional.empty();
        }
        Optional<ConsoleUser> user = findByLogin(login);
        if (user.isEmpty()) {
            PasswordHasher.verifyDummy(password);
            return Optional.empty();
        }
        ConsoleUser u = user.get();
        if (LoginThrottle.locked(u.failedAttempts(), u.lastFailedAt(), Clock.now())) {
            PasswordHasher.verifyDummy(password);
            return Optional.empty();
        }
        if (u.disabled() || !PasswordHasher.verify(password, u.passwordHash())) {
            u.loginFailed();
            return Optional.empty();
        }
        u.loginSucceeded();
        return Optional.of(ConsoleUserView.of(u));
    }

    public Optional<ConsoleUserView> findView(String login) {
        return findByLogin(login).map(ConsoleUserView::of);
    }

    public long create(long enterpriseId, String login, String displayName, String password, ConsoleRole role) {
        ConsoleUser user = new ConsoleUser(enterpriseId, login, displayName, PasswordHasher.hash(password), role);
        users.add(user);
        return user.id();
    }

    /** Sets the password of a login if it is not already that password (operator bootstrap). */
    public void ensurePassword(String login, String password) {
        findByLogin(login).ifPresent(user -> {
            if (!PasswordHasher.verify(password, user.passwordHash())) {
                user.changePasswordHash(PasswordHasher.hash(password));
            }
        });
    }

    private Optional<ConsoleUser> findByLogin(String login) {
        return users.byLogin(login);
    }
}
