package com.rollcall.access;

import com.rollcall.platform.persistence.NativeSql;
import com.rollcall.platform.persistence.UtcInstantConverter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The one owner of {@code sub_account}. */
@ApplicationScoped
public class SubAccountRepository {
    @PersistenceContext
    private EntityManager em;

    /** The enterprise's sub-accounts by name. */
    List<SubAccount> list(long enterpriseId) {
        return em.createQuery("SELECT s FROM SubAccount s WHERE s.enterpriseId = :e ORDER BY s.nameKey, s.id", SubAccount.class)
                .setParameter("e", enterpriseId).getResultList();
    }

    Optional<SubAccount> find(long enterpriseId, long subAccountId) {
        return Optional.ofNullable(em.find(SubAccount.class, subAccountId)).filter(s -> s.enterpriseId() == enterpriseId);
    }

    /** Adds a sub-account (a taken name violates {@code uq_sub_account_name} at the flush). */
    void add(SubAccount subAccount) {
        em.persist(subAccount);
        em.flush();
    }

    /** Whether another sub-account of the enterprise has this name (in any case). */
    boolean nameTaken(long enterpriseId, String name, long exceptId) {
        return !NativeSql.query(em, "SELECT id FROM sub_account WHERE enterprise_id = ? AND name_key = ? AND id <> ?",
                List.of(enterpriseId, name.toLowerCase(Locale.ROOT), exceptId)).isEmpty();
    }

    /** Deletes it if it is still at {@code expectedVersion}; how many rows went (0 or 1). */
    int delete(long enterpriseId, long subAccountId, int expectedVersion) {
        return NativeSql.update(em, "DELETE FROM sub_account WHERE id = ? AND enterprise_id = ? AND version = ?",
                List.of(subAccountId, enterpriseId, expectedVersion));
    }

    /** Renames it if it is still at {@code expectedVersion}; how many rows changed (0 or 1). */
    int rename(long enterpriseId, long subAccountId, int expectedVersion, String name, Instant at) {
        return NativeSql.update(em, "UPDATE sub_account SET name = ?, name_key = ?, last_modified = ?, version = version + 1 "
                + "WHERE id = ? AND enterprise_id = ? AND version = ?", List.of(name, name.toLowerCase(Locale.ROOT),
                new UtcInstantConverter().convertToDatabaseColumn(at), subAccountId, enterpriseId, expectedVersion));
    }
}
