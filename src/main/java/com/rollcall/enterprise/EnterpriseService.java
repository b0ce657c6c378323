package com.rollcall.enterprise;

import com.rollcall.licensing.LicenseCounter;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** Enterprise (tenant) use cases. */
@Stateless
public class EnterpriseService {
    @PersistenceContext
    private EntityManager em;

    /** Creates a tenant with its seat counter. */
    public EnterpriseView create(String name, int licenseLimit) {
        Enterprise enterprise = new Enterprise(name, licenseLimit);
        em.persist(enterprise);
        em.flush();
        em.persist(new LicenseCounter(enterprise.id()));
        return EnterpriseView.of(enterprise);
    }

    public Optional<EnterpriseView> find(long enterpriseId) {
        return Optional.ofNullable(em.find(Enterprise.class, enterpriseId)).map(EnterpriseView::of);
    }

    public Optional<EnterpriseView> findByName(String name) {
        return em.createQuery("SELECT e FROM Enterprise e WHERE e.name = :name ORDER BY e.id", Enterprise.class)
                .setParameter("name", name)
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(EnterpriseView::of);
    }
}
