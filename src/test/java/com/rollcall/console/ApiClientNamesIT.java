package com.rollcall.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.ConsoleHttp;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The console's create-client form: a name of spaces is no name, and a name a live client holds is taken. */
@ExtendWith(RollcallServer.class)
class ApiClientNamesIT {
    private final Tenant tenant = TestTenants.create("ClientNames");

    @Test
    void aBlankOrTakenNameIsRefusedWithTheReasonAndCreatesNothing() {
        ConsoleHttp console = ConsoleHttp.anonymous();
        console.signIn(tenant.adminLogin(), tenant.adminPassword());

        ConsoleHttp.Response blank = create(console, "    ");
        assertEquals(200, blank.status(), blank.toString());
        assertTrue(blank.body().contains("An API client needs a name"), blank.body());
        assertFalse(blank.body().contains("id=\"issued-token\""), "no client, no token");

        assertTrue(create(console, "Okta SCIM").body().contains("id=\"issued-token\""));
        ConsoleHttp.Response taken = create(console, " okta scim ");
        assertTrue(taken.body().contains("An API client named &#39;okta scim&#39; already exists")
                || taken.body().contains("An API client named 'okta scim' already exists"), taken.body());
        assertFalse(taken.body().contains("id=\"issued-token\""), taken.body());
        assertEquals(2, TestTenants.number("SELECT COUNT(*) FROM api_client WHERE enterprise_id = ?",
                tenant.enterpriseId()), "the tenant's test client and Okta SCIM");
    }

    private static ConsoleHttp.Response create(ConsoleHttp console, String name) {
        Map<String, String> form = ConsoleHttp.form(console.get("console/api-clients.xhtml").body(), "create");
        form.put("create:name", name);
        form.put("create:scopes", "scim");
        form.put("create:submit", "Create client");
        return console.post("console/api-clients.xhtml", form);
    }
}
