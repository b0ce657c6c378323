package com.rollcall.groups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A row of {@code group_membership}, mapped only so JPQL can join through it (filters such as
 * {@code members.value eq} and a user's computed {@code groups}). It is a join entity, never a loaded
 * collection; membership is written with batched SQL by {@link GroupRepository}.
 */
@Entity
@Table(name = "group_membership")
@IdClass(GroupMembership.Key.class)
public class GroupMembership {
    @Id
    @Column(name = "group_id")
    private Long groupId;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    protected GroupMembership() {
    }

    /** Composite key (group, user). */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        private Long groupId;
        private Long userId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(groupId, k.groupId) && java.util.Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(groupId, userId);
        }
    }
}
