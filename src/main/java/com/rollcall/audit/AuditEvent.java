package com.rollcall.audit;

import com.rollcall.platform.security.Actor;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One recorded change: who, what, on which resource, before -> after, when, from where. Read-only here:
 * {@link AuditTrail} writes the rows.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_id")
    private Long enterpriseId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "actor_type", nullable = false)
    private Actor.ActorType actorType;

    @Column(name = "actor_id")
    private String actorId;

    @Column(name = "actor_name")
    private String actorName;

    @Column(nullable = false)
    private String action;

    @Column(name = "resource_type", nullable = false)
    private String resourceType;

    @Column(name = "resource_id")
    private String resourceId;

    @Column(name = "resource_name")
    private String resourceName;

    @Lob
    @Column(name = "before_state")
    private String beforeState;

    @Lob
    @Column(name = "after_state")
    private String afterState;

    @Column(name = "caller_address")
    private String callerAddress;

    @Column(name = "proxy_address")
    private String proxyAddress;

    @Column(name = "request_id")
    private String requestId;

    protected AuditEvent() {
    }

    public Long id() { return id; }
    /** The enterprise the event belongs to; null for the operator's own actions (its tokens). */
    public Long enterpriseId() { return enterpriseId; }
    public Instant occurredAt() { return occurredAt; }
    public Actor.ActorType actorType() { return actorType; }
    public String actorId() { return actorId; }
    public String actorName() { return actorName; }
    public String action() { return action; }
    public String resourceType() { return resourceType; }
    public String resourceId() { return resourceId; }
    public String resourceName() { return resourceName; }
    public String beforeState() { return beforeState; }
    public String afterState() { return afterState; }
    public String callerAddress() { return callerAddress; }
    /** The trusted proxy the call came through (null when it came directly, or was recorded before V41). */
    public String proxyAddress() { return proxyAddress; }
    public String requestId() { return requestId; }
}
