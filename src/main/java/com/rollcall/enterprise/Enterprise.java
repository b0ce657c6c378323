package com.rollcall.enterprise;

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

/** The tenant. Everything else belongs to exactly one enterprise. */
@Entity
@Table(name = "enterprise")
public class Enterprise {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 200)
    private String name;

    /** The name, trimmed and lower-cased: unique, so two enterprises are never told apart by letter case only. */
    @Column(name = "name_key", length = 200)
    private String nameKey;

    @Column(name = "suspended_at")
    private Instant suspendedAt;

    @Column(name = "suspended_reason", length = 500)
    private String suspendedReason;

    @Enumerated(EnumType.STRING)
    @Column(name = "provisioning_mode", nullable = false)
    private ProvisioningMode provisioningMode = ProvisioningMode.MANAGED_IN_PLATFORM;

    @Enumerated(EnumType.STRING)
    @Column(name = "identifier_rule", nullable = false)
    private IdentifierRule identifierRule = IdentifierRule.EMAIL;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_modified", nullable = false)
    private Instant lastModified;

    @Version
    private int version;

    protected Enterprise() {
    }

    public Enterprise(String name) {
        this.name = name;
        this.nameKey = nameKey(name);
        this.createdAt = Clock.now();
        this.lastModified = createdAt;
    }

    void changeProvisioningMode(ProvisioningMode mode) {
        this.provisioningMode = mode;
        this.lastModified = Clock.now();
    }

    static String nameKey(String name) {
        return name.strip().toLowerCase(java.util.Locale.ROOT);
    }

    void rename(String newName) {
        this.name = newName;
        this.nameKey = nameKey(newName);
        this.lastModified = Clock.now();
    }

    void suspend(String reason) {
        this.suspendedAt = Clock.now();
        this.suspendedReason = reason;
        this.lastModified = suspendedAt;
    }

    void resume() {
        this.suspendedAt = null;
        this.suspendedReason = null;
        this.lastModified = Clock.now();
    }

    void changeIdentifierRule(IdentifierRule rule) {
        this.identifierRule = rule;
        this.lastModified = Clock.now();
    }

    public Long id() { return id; }
    public String name() { return name; }
    public ProvisioningMode provisioningMode() { return provisioningMode; }
    public IdentifierRule identifierRule() { return identifierRule; }
    public Instant createdAt() { return createdAt; }
    public Instant lastModified() { return lastModified; }
    public Instant suspendedAt() { return suspendedAt; }
    public String suspendedReason() { return suspendedReason; }
    public boolean suspended() { return suspendedAt != null; }
}
