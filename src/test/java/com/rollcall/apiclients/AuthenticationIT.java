package com.rollcall.apiclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.testing.Await;
import com.rollcall.testing.RollcallServer;
import com.rollcall.testing.ScimClient;
import com.rollcall.testing.Tenant;
import com.rollcall.testing.TestTenants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bearer authentication of /scim/v2 (issue: walking skeleton, API-client authentication). */
@ExtendWith(RollcallServer.class)
class AuthenticationIT {
    private final String scim = RollcallServer.get().scimUrl();

    @Test
    void missingTokenIs401WithBearerChallengeAndScimError() {
        ScimClient.Response response = new ScimClient(scim, null).get("Users/anything");
        assertUnauthorized(response);
    }

    @Test
    void unknownTokenIs401() {
        assertUnauthorized(new ScimClient(scim, "rc_thisIsNotATokenWeEverIssuedXXXXXXXXXXXXXXXXXX").get("ServiceProviderConfig"));
    }

    @Test
    void nonBearerSchemeIs401() {
        Tenant tenant = TestTenants.create("Scheme");
        ScimClient client = new ScimClient(scim, null);
        ScimClient.Response response = client.send(client.request("ServiceProviderConfig")
                .header("Authorization", "Basic " + tenant.token()));
        assertUnauthorized(response);
    }

    @Test
    void validTokenIsAcceptedAndRevokedTokenIsNot() {
        Tenant tenant = TestTenants.create("Revocation");
        ScimClient client = new ScimClient(scim, tenant.token());
        assertEquals(200, client.get("ServiceProviderConfig").status());

        ScimClient admin = new ScimClient(RollcallServer.get().baseUrl() + "api/admin/v1/", tenant.token());
        ScimClient.Response revoked = admin.send(admin.request("api-clients/" + tenant.apiClientId() + "/revoke")
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertEquals(200, revoked.status(), revoked.toString());

        // revoked through this instance: refused at once, although the token was just cached
        assertUnauthorized(client.get("ServiceProviderConfig"));
    }

    @Test
    void tokenRevokedBehindTheServersBackIsRefusedWithinTheCacheTtl() {
        Tenant tenant = TestTenants.create("Revocation elsewhere");
        ScimClient client = new ScimClient(scim, tenant.token());
        assertEquals(200, client.get("ServiceProviderConfig").status());

        // as another instance (or an operator in SQL) would: this instance's cache is not told
        TestTenants.revoke(tenant.apiClientId());

        ScimClient.Response response = Await.until("the token revoked by SQL to be refused",
                TokenCache.DEFAULT_TTL.plusSeconds(3), () -> client.get("ServiceProviderConfig"), r -> r.status() != 200);
        assertUnauthorized(response);
    }

    @Test
    void tokenWithoutScimScopeIsForbidden() {
        Tenant adminOnly = TestTenants.create("AdminOnly", 10, "admin");
        ScimClient.Response response = new ScimClient(scim, adminOnly.token()).get("ServiceProviderConfig");
        assertEquals(403, response.status(), response.toString());
        assertEquals("403", response.json().getString("status"));
        assertTrue(response.json().getString("detail").contains("scim"), response.toString());
    }

    @Test
    void bearerKeywordIsCaseInsensitive() {
        Tenant tenant = TestTenants.create("Keyword");
        ScimClient client = new ScimClient(scim, null);
        ScimClient.Response response = client.send(client.request("ServiceProviderConfig")
                .header("Authorization", "bearer " + tenant.token()));
        assertEquals(200, response.status(), response.toString());
    }

    private static void assertUnauthorized(ScimClient.Response response) {
        assertEquals(401, response.status(), response.toString());
        assertTrue(response.header("WWW-Authenticate").orElse("").startsWith("Bearer"), "WWW-Authenticate: Bearer");
        assertTrue(response.contentType().startsWith("application/scim+json"), response.contentType());
        assertEquals("401", response.json().getString("status"));
        assertEquals("urn:ietf:params:scim:api:messages:2.0:Error", response.json().getJsonArray("schemas").getString(0));
        assertFalse(response.text().contains("Exception"), response.text());
    }
}
