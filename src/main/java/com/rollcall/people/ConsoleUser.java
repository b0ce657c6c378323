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

    @Column(name = "password_hash", nullable = false, length = 512)
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

    @Column(nullable = false)
    private boolean disabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

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

    static String loginKey(String login) {
        return login.trim().toLowerCase(Locale.ROOT);
    }

    void loginSucceeded() {
        failedAttempts = 0;
        lastLoginAt = Clock.now();
    }

    void loginFailed() {
        failedAttempts++;
        lastFailedAt = Clock.now();
    }

    void changePasswordHash(String hash) {
        this.passwordHash = hash;
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
}
