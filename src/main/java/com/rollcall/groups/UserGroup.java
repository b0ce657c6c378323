package com.rollcall.groups;

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
import java.util.UUID;

/**
 * A SCIM Group (a "user group" in the console). Its members are rows of {@code group_membership} and
 * {@code group_nesting}, never a collection on this entity: nothing loads a whole group to change or
 * answer it. {@code member_count} is maintained with each delta so lists can show it for free.
 *
 * <p>A group the IdP deletes is soft-deleted ({@link #softDelete}): the row stays, with {@code deleted_at} set,
 * for the admin's kept mappings; SCIM no longer sees it. {@code external_id_key} holds the externalId while the
 * group is live (unique per enterprise) and is nulled on deletion, so a new group may take the externalId. The
 * displayName need not be unique ({@code display_name_key} is a lookup key, not a unique one).
 */
@Entity
@Table(name = "user_group")
public class UserGroup {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(name = "scim_id", nullable = false, length = 36)
    private String scimId;

    @Column(name = "display_name", nullable = false, length = 300)
    private String displayName;

    @Column(name = "display_name_key", nullable = false, length = 300)
    private String displayNameKey;

    @Column(name = "external_id", length = 300)
    private String externalId;

    @Column(name = "external_id_key", length = 300)
    private String externalIdKey;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "member_count", nullable = false)
    private int memberCount;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_modified", nullable = false)
    private Instant lastModified;

    @Version
    private int version;

    protected UserGroup() {
    }

    UserGroup(long enterpriseId, String displayName, String externalId) {
        this.enterpriseId = enterpriseId;
        this.scimId = UUID.randomUUID().toString();
        this.createdAt = Clock.now();
        rename(displayName);
        this.externalId = externalId;
        this.externalIdKey = externalId;
        this.lastModified = createdAt;
    }

    /** The normalised key under which IdPs look a group up by displayName (case-insensitive; not unique). */
    public static String displayNameKey(String displayName) {
        return displayName.trim().toLowerCase(Locale.ROOT);
    }

    void rename(String newDisplayName) {
        this.displayName = newDisplayName;
        this.displayNameKey = displayNameKey(newDisplayName);
        touch();
    }

    void changeExternalId(String newExternalId) {
        this.externalId = newExternalId;
        this.externalIdKey = newExternalId;
        touch();
    }

    /** Deleted by the IdP: invisible to SCIM from now on; the externalId is freed for a new group. */
    void softDelete() {
        this.deletedAt = Clock.now();
        this.externalIdKey = null;
        this.memberCount = 0;
        this.lastModified = deletedAt;
    }

    /** Adjusts the maintained member count by a delta the membership statements reported. */
    void adjustMemberCount(int delta) {
        if (delta != 0) {
            this.memberCount = Math.max(0, memberCount + delta);
            touch();
        }
    }

    /** Marks a change (attributes or membership): lastModified moves, the version is bumped at flush. */
    void touch() {
        this.lastModified = Clock.now();
    }

    public Long id() { return id; }
    public long enterpriseId() { return enterpriseId; }
    public String scimId() { return scimId; }
    public String displayName() { return displayName; }
    public String externalId() { return externalId; }
    public int memberCount() { return memberCount; }
    public Instant createdAt() { return createdAt; }
    public Instant lastModified() { return lastModified; }
    public int version() { return version; }
    public Instant deletedAt() { return deletedAt; }
    public boolean deleted() { return deletedAt != null; }
}
