package com.rollcall.platform.bootstrap;

import com.rollcall.apiclients.ApiClientService;
import com.rollcall.apiclients.ApiScope;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.EnterpriseView;
import com.rollcall.platform.security.ConsoleRole;
import com.rollcall.platform.security.ConsoleUserService;
import com.rollcall.roles.SubAccount;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;

/** The demo enterprise that scripts/run.sh starts with, created in one transaction on first start. */
@Stateless
public class DemoDataService {
    public static final String ENTERPRISE_NAME = "Demo Enterprise";
    public static final String ADMIN_LOGIN = "admin";
    static final List<String> SUB_ACCOUNTS = List.of("Corporate Communications", "EMEA", "North America", "Retail Stores");

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private ConsoleUserService consoleUsers;

    @Inject
    private ApiClientService apiClients;

    @PersistenceContext
    private EntityManager em;

    /**
     * Creates the demo enterprise unless it exists; then makes sure the given admin password and SCIM
     * token work (they are what scripts/run.sh prints). Returns true when it created the enterprise.
     */
    public boolean ensure(String token, String adminPassword, int licenses) {
        var existing = enterprises.findByName(ENTERPRISE_NAME);
        if (existing.isPresent()) {
            long id = existing.get().id();
            consoleUsers.ensurePassword(ADMIN_LOGIN, adminPassword);
            if (!apiClients.tokenExists(token)) {
                apiClients.register(id, "Bootstrap token", token, EnumSet.of(ApiScope.SCIM, ApiScope.ADMIN), "bootstrap");
            }
            return false;
        }
        EnterpriseView enterprise = enterprises.create(ENTERPRISE_NAME, licenses);
        for (String name : SUB_ACCOUNTS) {
            em.persist(new SubAccount(enterprise.id(), name));
        }
        consoleUsers.create(enterprise.id(), ADMIN_LOGIN, "Demo Admin", adminPassword, ConsoleRole.ENTERPRISE_ADMIN);
        apiClients.register(enterprise.id(), "Microsoft Entra ID (demo)", token,
                EnumSet.of(ApiScope.SCIM, ApiScope.ADMIN), "bootstrap");
        return true;
    }
}
