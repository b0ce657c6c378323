package com.rollcall.people;

import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.rest.RequestBudgets;
import com.rollcall.platform.security.PasswordHasher;
import com.rollcall.audit.AuditTrail;
import com.rollcall.platform.security.Actor;
import com.rollcall.scim.json.ScimJson;
import jakarta.ejb.Stateless;
import java.util.Set;
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

    @Inject
    private PasswordChecks checks;

    @Inject
    private RequestBudgets budgets;

    @Inject
    private AuditTrail audit;

    /**
     * Checks a login and password from a client address. Each address has a budget of attempts (right or wrong;
     * {@code rollcall.budget.login.*}): over it, the attempt is refused before any hashing, and the page says how long
     * to wait. Password checks run a few at a time ({@link PasswordChecks}): a storm is turned away, not queued.
     * Unknown logins cost the same time as wrong passwords; failures are counted on the account, and after
     * {@link LoginThrottle#FREE_FAILURES} in a row the account refuses every password for a growing window — except
     * from the address of its last successful sign-in, so a stranger cannot lock its owner out. A refusal looks like
     * any failure. An invited login (no password yet) and a disabled one fail like a wrong password. The right
     * password of a suspended enterprise's login fails too, and the page may say why ({@link LoginOutcome}).
     */
    public Optional<ConsoleUserView> verify(String login, String password, String address) {
        if (login == null || password == null || login.isBlank()) {
            return Optional.empty();
        }
        long wait = budgets.login(address);
        if (wait > 0) {
            outcome.throttled(wait);
            return Optional.empty();
        }
        Optional<ConsoleUser> user = users.byLogin(login);
        boolean lockedOut = user.isPresent() && LoginThrottle.locked(user.get().failedAttempts(), user.get().lastFailedAt(),
                Clock.now()) && !(address != null && address.equals(user.get().lastLoginAddress()));
        String hash = user.isEmpty() || lockedOut ? null : user.get().passwordHash();
        PasswordChecks.Result result = checks.check(password, hash);
        if (result == PasswordChecks.Result.BUSY) {
            outcome.busy();
            return Optional.empty();
        }
        if (user.isEmpty()) {
            return Optional.empty(); // no enterprise's log to put it in
        }
        ConsoleUser u = user.get();
        if (lockedOut || hash == null) {
            signInFailed(u, address, lockedOut ? "locked after repeated wrong passwords" : "no password set yet");
            return Optional.empty();
        }
        if (u.disabled() || result != PasswordChecks.Result.MATCH) {
            u.loginFailed();
            signInFailed(u, address, result != PasswordChecks.Result.MATCH ? "wrong password" : "login disabled");
            return Optional.empty();
        }
        if (enterprises.suspended(u.enterpriseId())) {
            outcome.enterpriseSuspended();
            signInFailed(u, address, "enterprise suspended");
            return Optional.empty();
        }
        u.loginSucceeded(address);
        audit.record(Actor.consoleUser(u.enterpriseId(), u.login(), u.displayName(), u.role().scopes(), address, null),
                "CONSOLE_SIGNED_IN", "ConsoleUser", Long.toString(u.id()), u.login(), null, null);
        return Optional.of(ConsoleUserView.of(u));
    }

    /**
     * A failed sign-in to a known login, in its enterprise's audit log: the login tried, from which address, and why
     * (the page itself says only that it failed). Attempts on unknown logins belong to no enterprise and are not
     * recorded; attempts refused by the address's budget are not either (they never reach a login).
     */
    private void signInFailed(ConsoleUser u, String address, String reason) {
        audit.record(Actor.consoleUser(u.enterpriseId(), u.login(), u.displayName(), Set.of(), address, null),
                "CONSOLE_SIGN_IN_FAILED", "ConsoleUser", Long.toString(u.id()), u.login(), null,
                ScimJson.object().add("reason", reason).build());
    }

    /** Records a console sign-out (the actor is the person signing out). */
    public void signedOut(Actor actor) {
        users.byLogin(actor.id()).ifPresent(u -> audit.record(actor, "CONSOLE_SIGNED_OUT", "ConsoleUser",
                Long.toString(u.id()), u.login(), null, null));
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
