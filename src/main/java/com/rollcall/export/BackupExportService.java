package com.rollcall.export;

import com.rollcall.access.GroupMappingRepository;
import com.rollcall.access.RoleService;
import com.rollcall.access.SubAccountService;
import com.rollcall.access.SubAccountView;
import com.rollcall.groups.GroupRepository;
import com.rollcall.roles.RoleDefinition;
import com.rollcall.users.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Backup export (PRODUCT.md rule 11): users, groups, roles and mappings of one enterprise, written to a
 * {@link ExportWriter} as they are read. Users and groups are read in keyset batches by id and group members
 * in pages, so memory stays flat whatever the enterprise's size. One read-only transaction per export.
 */
@Stateless
public class BackupExportService {
    static final int BATCH = 1000;

    @Inject
    private UserRepository users;

    @Inject
    private GroupRepository groups;

    @Inject
    private RoleService roles;

    @Inject
    private GroupMappingRepository mappings;

    @Inject
    private SubAccountService subAccounts;

    @Inject
    private com.rollcall.enterprise.EnterpriseService enterprises;

    /** The file an export of these kinds is now: its name (enterprise, UTC time) and what the JSON opens with. */
    public ExportFile describe(long enterpriseId, List<ExportKind> kinds, boolean csv) {
        String name = enterprises.find(enterpriseId).map(e -> e.name()).orElse(null);
        return ExportFile.of(enterpriseId, name, com.rollcall.platform.persistence.Clock.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS), kinds, csv);
    }

    public void export(long enterpriseId, List<ExportKind> kinds, ExportWriter out) {
        try {
            out.begin();
            for (ExportKind kind : kinds) {
                out.beginSection(kind);
                switch (kind) {
                    case USERS -> users.forEachExported(enterpriseId, BATCH, record(out));
                    case GROUPS -> groups.forEachExported(enterpriseId, BATCH, record(out));
                    case ROLES -> roles(enterpriseId, out);
                    case MAPPINGS -> mappings(enterpriseId, out);
                }
                out.endSection();
            }
            out.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Consumer<Map<String, Object>> record(ExportWriter out) {
        return fields -> {
            try {
                out.record(fields);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private void roles(long enterpriseId, ExportWriter out) throws IOException {
        for (RoleDefinition r : roles.roles(enterpriseId)) {
            Map<String, Object> role = new LinkedHashMap<>();
            role.put("id", Long.toString(r.id()));
            role.put("code", r.code());
            role.put("name", r.name());
            role.put("scope", r.scope().name());
            role.put("groupManager", r.groupManager());
            role.put("fullAccess", r.fullAccess());
            role.put("consumesLicense", r.consumesLicense());
            role.put("builtIn", r.builtIn());
            role.put("permissions", r.permissions().stream().map(Enum::name).sorted().toList());
            out.record(role);
        }
    }

    private void mappings(long enterpriseId, ExportWriter out) throws IOException {
        Map<Long, RoleDefinition> roleById = new HashMap<>();
        roles.roles(enterpriseId).forEach(r -> roleById.put(r.id(), r));
        Map<Long, SubAccountView> subAccountById = new HashMap<>();
        subAccounts.subAccounts(enterpriseId).forEach(s -> subAccountById.put(s.id(), s));
        List<GroupMappingRepository.Mapping> all = mappings.all(enterpriseId);
        Map<Long, String[]> groupNames = groups.names(enterpriseId, all.stream().map(GroupMappingRepository.Mapping::groupId)
                .toList());
        for (GroupMappingRepository.Mapping m : all) {
            RoleDefinition role = roleById.get(m.roleId());
            SubAccountView subAccount = m.subAccountId() == null ? null : subAccountById.get(m.subAccountId());
            Map<String, Object> mapping = new LinkedHashMap<>();
            mapping.put("id", Long.toString(m.id()));
            mapping.put("groupId", groupNames.get(m.groupId())[0]);
            mapping.put("groupDisplayName", groupNames.get(m.groupId())[1]);
            mapping.put("level", subAccount == null ? "ENTERPRISE" : "SUB_ACCOUNT");
            mapping.put("subAccountId", subAccount == null ? null : Long.toString(subAccount.id()));
            mapping.put("subAccountName", subAccount == null ? null : subAccount.name());
            mapping.put("roleId", Long.toString(role.id()));
            mapping.put("roleCode", role.code());
            mapping.put("roleName", role.name());
            out.record(mapping);
        }
    }
}
