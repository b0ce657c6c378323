package com.rollcall.apiclients;

import com.rollcall.platform.security.ApiScope;

/** Bearer authentication of the SCIM API: tokens need the {@code scim} scope. */
public class ScimBearerTokenFilter extends BearerTokenFilter {
    public ScimBearerTokenFilter() {
        super(ApiScope.SCIM);
    }
}
