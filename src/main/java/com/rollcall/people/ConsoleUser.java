package com.rollcall.people;

import com.rollcall.platform.persistence.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/** A console login of one enterprise, with a PBKDF2 password hash. */
@Entity
@Table(name = "console_user")
public class ConsoleUser {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(nullable = false, length = 200)
    private String login;

    @Column(name = "login_key", nullable = false, length = 200)
    private String loginKey;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    /** Null until the invitation is accepted. */
    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(name = "console_role", nullable = false, length = 32)
    private ConsoleRole role;

    @Column(name = "failed_attempts", nullable = false)
    private int failedAttempts;

    @Column(name = "last_failed_at")
    private Instant lastFailedAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** The address of the last successful sign-in: attempts from it are not locked out by others' failures. */
    @Column(name = "last_login_address", length = 64)
    private String lastLoginAddress;

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "invited_by", length = 200)
    private String invitedBy;

    @Column(name = "invitation_hash", length = 64)
    private String invitationHash;

    @Column(name = "invitation_expires_at")
    private Instant invitationExpiresAt;

    @Column(name = "invitation_used_at")
    private Instant invitationUsedAt;

    @Column(name = "disabled_reason", length = 300)
    private String disabledReason;

    @Version
    private int version;

    protected ConsoleUser() {
    }

    ConsoleUser(long enterpriseId, String login, String displayName, String passwordHash, ConsoleRole role) {
        this.enterpriseId = enterpriseId;
        this.login = login;
        this.loginKey = loginKey(login);
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = Clock.now();
    }

    /** An invited login: no password until the invitation with this token hash is accepted before it expires. */
    static ConsoleUser invited(long enterpriseId, String login, String displayName, ConsoleRole role, String invitedBy,
            String invitationHash, Instant expiresAt) {
        ConsoleUser user = new ConsoleUser(enterpriseId, login, displayName, null, role);
        user.invitedBy = invitedBy;
        user.invitationHash = invitationHash;
        user.invitationExpiresAt = expiresAt;
        return user;
    }

    static String loginKey(String login) {
        return login.trim().toLowerCase(Locale.ROOT);
    }

    void loginSucceeded(String address) {
        failedAttempts = 0;
        lastLoginAt = Clock.now();
        lastLoginAddress = address == null || address.length() > 64 ? null : address;
    }

    void loginFailed() {
        failedAttempts++;
        lastFailedAt = Clock.now();
    }

    void changePasswordHash(String hash) {
        this.passwordHash = hash;
    }

    /** Sets the first password; the invitation is used (its link says so from now on). */
    void acceptInvitation(String hash, Instant at) {
        this.passwordHash = hash;
        this.invitationUsedAt = at;
        this.failedAttempts = 0;
    }

    /** A new invitation link: the previous one stops working. */
    void reinvite(String hash, Instant expiresAt, String by) {
        this.invitationHash = hash;
        this.invitationExpiresAt = expiresAt;
        this.invitationUsedAt = null;
        this.invitedBy = by;
    }

    void changeRole(ConsoleRole newRole) {
        this.role = newRole;
    }

    void disable(String reason) {
        this.disabled = true;
        this.disabledReason = reason;
    }

    void enable() {
        this.disabled = false;
        this.disabledReason = null;
        this.failedAttempts = 0;
    }

    /** What the people page shows: invited, active, disabled or locked (by repeated sign-in failures). */
    ConsoleUserStatus status(Instant now) {
        if (disabled) {
            return ConsoleUserStatus.DISABLED;
        }
        if (passwordHash == null) {
            return ConsoleUserStatus.INVITED;
        }
        return LoginThrottle.locked(failedAttempts, lastFailedAt, now) ? ConsoleUserStatus.LOCKED : ConsoleUserStatus.ACTIVE;
    }

    /** Whether this login can sign in (has a password and is not disabled); a lock is temporary and counts. */
    boolean signInAllowed() {
        return passwordHash != null && !disabled;
    }

    public Long id() { return id; }
    public long enterpriseId() { return enterpriseId; }
    public String login() { return login; }
    public String displayName() { return displayName; }
    public String passwordHash() { return passwordHash; }
    public ConsoleRole role() { return role; }
    public int failedAttempts() { return failedAttempts; }
    public boolean disabled() { return disabled; }
    public Instant lastFailedAt() { return lastFailedAt; }
    public Instant lastLoginAt() { return lastLoginAt; }
    public String lastLoginAddress() { return lastLoginAddress; }
    public Instant createdAt() { return createdAt; }
    public String invitedBy() { return invitedBy; }
    public String invitationHash() { return invitationHash; }
    public Instant invitationExpiresAt() { return invitationExpiresAt; }
    public Instant invitationUsedAt() { return invitationUsedAt; }
    public String disabledReason() { return disabledReason; }
    public String loginKey() { return loginKey; }
    public int version() { return version; }
}
