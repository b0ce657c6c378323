package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.TestTenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Sub-accounts: create and rename, with duplicate names (any case) and blank names as field messages, and stale renames refused. */
@ExtendWith(RollcallServer.class)
class SubAccountsUiIT {
    private final AccessUi ui = new AccessUi(TestTenants.create("Sub-accounts"));

    @AfterEach
    void close() {
        ui.close();
    }

    private void create(String name) {
        ui.byId("create-form:name").clear();
        ui.byId("create-form:name").sendKeys(name);
        ui.submit("create-form:create");
    }

    @Test
    void createAndRenameWithFieldMessagesForDuplicates() {
        ui.open("console/sub-accounts.xhtml");
        assertTrue(ui.text("sub-accounts-empty").startsWith("No sub-accounts yet"));

        ui.submit("create-form:create");
        assertEquals("Enter a name.", ui.text("create-form:name-message"));
        create("EMEA");
        assertTrue(ui.messages().contains("Created the sub-account 'EMEA'."), ui.messages());
        create("Retail");
        create("emea");
        assertEquals("A sub-account named 'emea' already exists.", ui.text("create-form:name-message"),
                "names are unique case-insensitively, said on the field");
        assertEquals("true", ui.byId("create-form:name").getAttribute("aria-invalid"), "and the field is marked");
        assertEquals("EMEA", ui.text("list-form:sub-accounts:0:name"));
        assertEquals("Retail", ui.text("list-form:sub-accounts:1:name"));

        ui.submit("list-form:sub-accounts:0:rename");
        assertEquals("EMEA", ui.byId("rename-form:new-name").getAttribute("value"));
        ui.byId("rename-form:new-name").clear();
        ui.byId("rename-form:new-name").sendKeys("RETAIL");
        ui.submit("rename-form:save");
        assertEquals("A sub-account named 'RETAIL' already exists.", ui.text("rename-form:new-name-message"));
        ui.screenshot("access-sub-account-duplicate");

        ui.byId("rename-form:new-name").clear();
        ui.byId("rename-form:new-name").sendKeys("Europe");
        ui.submit("rename-form:save");
        assertTrue(ui.messages().contains("Renamed 'EMEA' to 'Europe'."), ui.messages());
        assertEquals("Europe", ui.text("list-form:sub-accounts:0:name"));
        assertEquals("Retail", ui.text("list-form:sub-accounts:1:name"));
        assertEquals(1, TestTenants.number("SELECT COUNT(*) FROM audit_event WHERE enterprise_id = ? AND action = "
                + "'SUB_ACCOUNT_RENAMED'", ui.tenant.enterpriseId()), "the rename is audited");
        ui.screenshot("access-sub-accounts");
    }

    @Test
    void aRenameBasedOnAStaleReadIsRefused() {
        ui.subAccount("Brand A");
        ui.open("console/sub-accounts.xhtml");
        ui.submit("list-form:sub-accounts:0:rename");
        TestTenants.execute("UPDATE sub_account SET name = 'Brand B', name_key = 'brand b', version = version + 1 "
                + "WHERE enterprise_id = ?", ui.tenant.enterpriseId());
        ui.byId("rename-form:new-name").clear();
        ui.byId("rename-form:new-name").sendKeys("Brand C");
        ui.submit("rename-form:save");
        assertTrue(ui.messages().startsWith("Someone else changed this in the meantime"), ui.messages());
        ui.open("console/sub-accounts.xhtml");
        assertEquals("Brand B", ui.text("list-form:sub-accounts:0:name"), "their change was kept");
    }
}
