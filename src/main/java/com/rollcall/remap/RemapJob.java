package com.rollcall.remap;

import com.rollcall.platform.persistence.Clock;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A queued remap job, as {@link RemapJobService} creates it. Once queued, the job's row is moved on by
 * conditional SQL updates (claim, batch, finish), never through this entity.
 */
@Entity
@Table(name = "remap_job")
class RemapJob {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_id", nullable = false) private long enterpriseId;
    @Column(nullable = false) private String kind;
    @Column(name = "group_id") private Long groupId;
    @Column(name = "group_scim_id") private String groupScimId;
    @Column(name = "group_name") private String groupName;
    @Column(nullable = false) private String reason;
    @Column(nullable = false) private String status = "QUEUED";
    @Column(name = "cursor_user_id", nullable = false) private long cursorUserId;
    @Column(nullable = false) private long processed;
    @Column(nullable = false) private long total;
    @Column(nullable = false) private long changed;
    @Column(nullable = false) private long unlicensed;
    @Column(name = "created_at", nullable = false) private Instant createdAt = Clock.now();

    protected RemapJob() {
    }

    RemapJob(long enterpriseId, String kind, Long groupId, String groupScimId, String groupName, String reason, long total) {
        this.enterpriseId = enterpriseId;
        this.kind = kind;
        this.groupId = groupId;
        this.groupScimId = groupScimId;
        this.groupName = groupName;
        this.reason = reason.length() > 300 ? reason.substring(0, 300) : reason;
        this.total = total;
    }

    long id() {
        return id;
    }
}
