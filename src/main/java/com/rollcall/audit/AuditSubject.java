package com.rollcall.audit;

/**
 * A user an audit event concerns besides its resource: by SCIM id and userName, and how ({@code JOINED} or
 * {@code LEFT} a group; null for other events).
 */
public record AuditSubject(String id, String name, String relation) {
    public static AuditSubject joined(String id, String name) {
        return new AuditSubject(id, name, "JOINED");
    }

    public static AuditSubject left(String id, String name) {
        return new AuditSubject(id, name, "LEFT");
    }
}
