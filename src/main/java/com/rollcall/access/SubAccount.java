package com.rollcall.access;

import com.rollcall.platform.persistence.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;

/** A unit inside an enterprise (a brand, a region, a business unit). */
@Entity
@Table(name = "sub_account")
public class SubAccount {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "name_key", nullable = false, length = 200)
    private String nameKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_modified", nullable = false)
    private Instant lastModified;

    @Version
    private int version;

    protected SubAccount() {
    }

    public SubAccount(long enterpriseId, String name) {
        this.enterpriseId = enterpriseId;
        this.name = name;
        this.nameKey = name.trim().toLowerCase(Locale.ROOT);
        this.createdAt = Clock.now();
        this.lastModified = createdAt;
    }

    public Long id() { return id; }
    public long enterpriseId() { return enterpriseId; }
    public String name() { return name; }
    public int version() { return version; }
}
