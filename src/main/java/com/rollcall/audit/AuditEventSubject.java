package com.rollcall.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A user an audit event concerns besides its resource: a member a group change added or removed. Written by
 * {@link AuditRepository} (SQL); mapped so that the log's JPQL can ask which events concern a user.
 */
@Entity
@Table(name = "audit_event_subject")
@IdClass(AuditEventSubject.Key.class)
public class AuditEventSubject {
    /** The composite key. */
    public static class Key implements Serializable {
        private Long eventId;
        private String subjectId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(eventId, k.eventId)
                    && java.util.Objects.equals(subjectId, k.subjectId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(eventId, subjectId);
        }
    }

    @Id
    @Column(name = "event_id")
    private Long eventId;

    @Id
    @Column(name = "subject_id", length = 64)
    private String subjectId;

    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    protected AuditEventSubject() {
    }
}
