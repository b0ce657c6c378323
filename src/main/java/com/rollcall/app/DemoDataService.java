package com.rollcall.app;

import com.rollcall.access.MappingService;
import com.rollcall.access.RoleService;
import com.rollcall.access.SubAccountService;
import com.rollcall.access.SubAccountView;
import com.rollcall.apiclients.ApiCaller;
import com.rollcall.apiclients.ApiClientService;
import com.rollcall.audit.AuditQueryService;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.enterprise.EnterpriseView;
import com.rollcall.groups.GroupProvisioningService;
import com.rollcall.licensing.LicenseService;
import com.rollcall.people.ConsoleRole;
import com.rollcall.people.ConsoleUserService;
import com.rollcall.people.PeopleService;
import com.rollcall.platform.persistence.StartupLockRepository;
import com.rollcall.platform.security.Actor;
import com.rollcall.platform.security.ApiScope;
import com.rollcall.roles.Permission;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.roles.RoleScope;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.schema.Urns;
import com.rollcall.users.ManualUserService;
import com.rollcall.users.UserProvisioningService;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** The demo enterprise that scripts/run.sh starts with, created in one transaction on first start. */
@Stateless
public class DemoDataService {
    public static final String ENTERPRISE_NAME = "Demo Enterprise";
    public static final String ADMIN_LOGIN = "admin";
    /** The demo's Integrations Manager (signs in with the admin's password) and the person invited but not yet in. */
    public static final String INTEGRATIONS_MANAGER_LOGIN = "ines.moreau@demo.example";
    static final String INVITED_LOGIN = "amara.okafor@demo.example";
    static final int DEFAULT_LICENSES = 500;
    static final List<String> SUB_ACCOUNTS = List.of("Corporate Communications", "EMEA", "North America", "Retail Stores");

    /** The startup_lock row that makes instances starting together run the bootstrap one after the other. */
    static final String LOCK = "demo-bootstrap";

    @Inject
    private StartupLockRepository startupLocks;

    @Inject
    private EnterpriseService enterprises;

    @Inject
    private LicenseService licenseService;

    @Inject
    private ConsoleUserService consoleUsers;

    @Inject
    private PeopleService people;

    @Inject
    private ApiClientService apiClients;

    @Inject
    private UserProvisioningService scimUsers;

    @Inject
    private ManualUserService manualUsers;

    @Inject
    private GroupProvisioningService scimGroups;

    @Inject
    private MappingService mappingService;

    @Inject
    private SubAccountService subAccountService;

    @Inject
    private RoleService roleService;

    @Inject
    private AuditQueryService auditLog;

    /**
     * Creates the demo enterprise unless it exists; then makes sure the given admin password and SCIM
     * token work (they are what scripts/run.sh prints), and that the license limit is {@code licenses} when
     * one is given (ROLLCALL_BOOTSTRAP_LICENSES: the only way the demo enterprise's limit changes; null keeps
     * it). Returns true when it created the enterprise. Instances starting together take turns: each locks the
     * demo-bootstrap row first, so the second finds the enterprise the first created.
     */
    public boolean ensure(String token, String adminPassword, Integer licenses) {
        startupLocks.lock(LOCK);
        var existing = enterprises.findByName(ENTERPRISE_NAME);
        if (existing.isPresent()) {
            long id = existing.get().id();
            consoleUsers.ensurePassword(ADMIN_LOGIN, adminPassword);
            consoleUsers.ensurePassword(INTEGRATIONS_MANAGER_LOGIN, adminPassword);
            if (licenses != null) {
                licenseService.changeLimit(Actor.system(id, "ROLLCALL_BOOTSTRAP_LICENSES"), licenses);
            }
            if (!apiClients.tokenExists(token)) {
                apiClients.register(id, "Bootstrap token", token, EnumSet.of(ApiScope.SCIM, ApiScope.ADMIN), "bootstrap");
            }
            return false;
        }
        EnterpriseView enterprise = enterprises.create(ENTERPRISE_NAME);
        licenseService.open(enterprise.id(), licenses == null ? DEFAULT_LICENSES : licenses);
        for (String name : SUB_ACCOUNTS) {
            subAccountService.create(Actor.system(enterprise.id(), "Demo data"), name);
        }
        consoleUsers.create(enterprise.id(), ADMIN_LOGIN, "Demo Admin", adminPassword, ConsoleRole.ENTERPRISE_ADMIN);
        long entraId = apiClients.register(enterprise.id(), "Microsoft Entra ID (demo)", token,
                EnumSet.of(ApiScope.SCIM, ApiScope.ADMIN), "bootstrap");
        Map<String, String> ids = consoleDemoUsers(enterprise.id(), entraId);
        accessDemo(enterprise.id(), entraId, ids);
        consolePeople(enterprise.id(), adminPassword);
        return true;
    }

    /** Demo people for the console (users, SCIM history, API client use): a third from the IdP, some manual. */
    static final String[][] DEMO_PEOPLE = {
        {"SCIM", "amara.okafor@demo.example", "Amara", "Okafor", "E-1001", "Head of Communications", "Communications"},
        {"SCIM", "lukas.becker@demo.example", "Lukas", "Becker", "E-1002", "Regional Manager", "EMEA"},
        {"SCIM", "sofia.rossi@demo.example", "Sofia", "Rossi", "E-1003", "Editor", "Communications"},
        {"SCIM", "daniel.kim@demo.example", "Daniel", "Kim", "E-1004", "Store Manager", "Retail"},
        {"SCIM", "priya.nair@demo.example", "Priya", "Nair", "E-1005", "HR Business Partner", "People"},
        {"SCIM", "mateo.garcia@demo.example", "Mateo", "García", "E-1006", "Analyst", "North America"},
        {"SCIM", "hannah.schmidt@demo.example", "Hannah", "Schmidt", "E-1007", "Content Designer", "Communications"},
        {"SCIM", "oliver.brown@demo.example", "Oliver", "Brown", "E-1008", "IT Engineer", "IT"},
        {"SCIM", "ines.moreau@demo.example", "Inès", "Moreau", "E-1009", "IT Integrations Engineer", "IT"},
        {"MANUAL", "chloe.martin@demo.example", "Chloé", "Martin", "E-2001", "Intern", "Communications"},
        {"MANUAL", "noah.wilson@demo.example", "Noah", "Wilson", null, "Contractor", "Retail"},
        {"MANUAL", "front-desk", "Front", "Desk", null, "Shared kiosk", "Retail"},
        {"MANUAL", "events-team", "Events", "Team", null, null, "Communications"},
    };

    /** Creates the demo people; returns their SCIM ids by userName. */
    private Map<String, String> consoleDemoUsers(long enterpriseId, long entraClientId) {
        Actor entra = new ApiCaller(enterpriseId, entraClientId, "Microsoft Entra ID (demo)",
                EnumSet.of(ApiScope.SCIM), false).actor("203.0.113.40", "demo");
        Actor admin = Actor.consoleUser(enterpriseId, ADMIN_LOGIN, "Demo Admin",
                ConsoleRole.ENTERPRISE_ADMIN.scopes(), "127.0.0.1", "demo");
        List<String> scimIds = new java.util.ArrayList<>();
        Map<String, String> byUserName = new java.util.HashMap<>();
        for (String[] p : DEMO_PEOPLE) {
            var user = ScimJson.object().add("userName", p[1])
                    .add("name", ScimJson.object().add("givenName", p[2]).add("familyName", p[3]))
                    .add("displayName", p[2] + " " + p[3]);
            if (p[1].contains("@")) {
                user.add("emails", ScimJson.array().add(ScimJson.object().add("value", p[1]).add("type", "work").add("primary", true)));
            }
            if (p[5] != null) {
                user.add("title", p[5]);
            }
            var extension = ScimJson.object().add("department", p[6]);
            if (p[4] != null) {
                extension.add("employeeNumber", p[4]);
            }
            user.add(Urns.ENTERPRISE_USER, extension);
            if ("SCIM".equals(p[0])) {
                scimIds.add(scimUsers.create(entra, user.build(), "/scim/v2/").getString("id"));
                byUserName.put(p[1], scimIds.get(scimIds.size() - 1));
            } else {
                byUserName.put(p[1], manualUsers.create(admin, user.build(), "/scim/v2/").getString("id"));
            }
        }
        manualUsers.create(admin, ScimJson.object().add("userName", "events-team-2").add("emails", ScimJson.array()
                .add(ScimJson.object().add("value", "events@demo.example").add("primary", true))).build(), "/scim/v2/");
        manualUsers.create(admin, ScimJson.object().add("userName", "events-team-old").add("emails", ScimJson.array()
                .add(ScimJson.object().add("value", "events@demo.example").add("primary", true))).build(), "/scim/v2/");
        scimUsers.patch(entra, scimIds.get(5), null, patch("title", ScimJson.PROVIDER.createValue("Senior Analyst")), "/scim/v2/");
        scimUsers.patch(entra, scimIds.get(7), null, patch("active", jakarta.json.JsonValue.FALSE), "/scim/v2/");
        spreadHistory(enterpriseId, entraClientId);
        return byUserName;
    }

    private static jakarta.json.JsonObject patch(String path, jakarta.json.JsonValue value) {
        return ScimJson.object().add("schemas", ScimJson.array().add("urn:ietf:params:scim:api:messages:2.0:PatchOp"))
                .add("Operations", ScimJson.array().add(ScimJson.object().add("op", "replace").add("path", path)
                        .add("value", value))).build();
    }

    /** Spreads the demo's audit history over the last days (oldest first), so the activity chart has a shape. */
    private void spreadHistory(long enterpriseId, long entraClientId) {
        java.time.Instant now = java.time.Instant.now();
        int events = auditLog.eventCount(enterpriseId);
        auditLog.redate(enterpriseId, i -> now.minus(java.time.Duration.ofHours(
                i >= events - 4 ? (events - i) * 3L : (events - i) * 30L)));
        apiClients.recordUse(entraClientId, now.minus(java.time.Duration.ofMinutes(7)), "203.0.113.40");
    }

    /**
     * The people page's demo: an Integrations Manager (Inès Moreau, linked to her user by email, with the admin's
     * password) and Amara Okafor invited as an Enterprise Admin (the link is not kept: "New link" on the page makes one).
     */
    private void consolePeople(long enterpriseId, String password) {
        consoleUsers.create(enterpriseId, INTEGRATIONS_MANAGER_LOGIN, "Inès Moreau", password,
                ConsoleRole.INTEGRATIONS_MANAGER);
        Actor admin = Actor.consoleUser(enterpriseId, ADMIN_LOGIN, "Demo Admin",
                ConsoleRole.ENTERPRISE_ADMIN.scopes(), "127.0.0.1", "demo");
        people.invite(admin, INVITED_LOGIN, "Amara Okafor", ConsoleRole.ENTERPRISE_ADMIN);
    }

    /**
     * The groups/roles/access part of the demo: groups from the IdP with members, one custom role, and mappings that
     * show every part of rule 8 on the effective-access page: an explicit lower role taking precedence over an
     * inherited Enterprise Admin (Amara, Oliver in Corporate Communications), Enterprise Admin inherited where nothing
     * is explicit (Oliver elsewhere), a Group Manager and an Integrations Manager giving nothing inside sub-accounts
     * (Priya, Mateo: no role there, or the explicit one), the highest score among explicit roles (Amara in Corporate
     * Communications), plus one unmapped group.
     */
    static final String[][] DEMO_GROUPS = {
        // group, members (userNames before '@'), mappings: "sub-account=role" or "*=role" for the enterprise level
        {"All Employees",
            "amara.okafor lukas.becker sofia.rossi daniel.kim priya.nair mateo.garcia hannah.schmidt oliver.brown",
            "Corporate Communications=Reports Only"},
        {"Communications Team", "amara.okafor sofia.rossi hannah.schmidt",
            "Corporate Communications=Editor|EMEA=Contributor"},
        {"EMEA Managers", "lukas.becker", "EMEA=Account Administrator"},
        {"Store Managers", "daniel.kim", "Retail Stores=Regional Publisher|North America=Regional Publisher"},
        {"IT Administrators", "oliver.brown amara.okafor", "*=Enterprise Admin"},
        {"People Partners", "priya.nair", "*=Enterprise Group Manager"},
        {"Integration Engineers", "mateo.garcia", "*=Enterprise Integrations Manager"},
        {"New Hires", "mateo.garcia", ""},
    };

    private void accessDemo(long enterpriseId, long entraClientId, Map<String, String> userIds) {
        Actor entra = new ApiCaller(enterpriseId, entraClientId, "Microsoft Entra ID (demo)",
                EnumSet.of(ApiScope.SCIM), false).actor("203.0.113.40", "demo");
        Actor admin = Actor.consoleUser(enterpriseId, ADMIN_LOGIN, "Demo Admin",
                ConsoleRole.ENTERPRISE_ADMIN.scopes(), "127.0.0.1", "demo");
        roleService.create(admin, new RoleService.RoleInput("Regional Publisher", RoleScope.SUB_ACCOUNT,
                EnumSet.of(Permission.PUBLISH_CONTENT, Permission.EDIT_CONTENT, Permission.CREATE_CONTENT,
                        Permission.VIEW_REPORTS), false, false));
        java.util.Map<String, Long> roles = new java.util.HashMap<>();
        for (RoleDefinition role : roleService.roles(enterpriseId)) {
            roles.put(role.name(), role.id());
        }
        java.util.Map<String, Long> subAccounts = new java.util.HashMap<>();
        for (SubAccountView subAccount : subAccountService.subAccounts(enterpriseId)) {
            subAccounts.put(subAccount.name(), subAccount.id());
        }
        for (String[] g : DEMO_GROUPS) {
            var members = ScimJson.array();
            for (String userName : g[1].split(" ")) {
                members.add(ScimJson.object().add("value", userIds.get(userName + "@demo.example")));
            }
            String groupId = scimGroups.create(entra, ScimJson.object().add("displayName", g[0])
                    .add("externalId", "entra-" + g[0].toLowerCase(java.util.Locale.ROOT).replace(' ', '-'))
                    .add("members", members).build(), "/scim/v2/").getString("id");
            for (String mapping : g[2].isEmpty() ? new String[0] : g[2].split("\\|")) {
                String[] where = mapping.split("=");
                Long subAccountId = "*".equals(where[0]) ? null : subAccounts.get(where[0]);
                mappingService.addMapping(admin, groupId, subAccountId, roles.get(where[1]));
            }
        }
    }
}
