package com.rollcall.apiclients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rollcall.platform.security.ApiScope;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCacheTest {
    private static final ApiCaller CALLER = new ApiCaller(7, 42, "Entra", Set.of(ApiScope.SCIM));

    @Test
    void remembersAnAcceptedTokenWithinTheTtl() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(30));
        cache.put("hash", CALLER);
        assertEquals(Optional.of(CALLER), cache.find("hash"));
        assertTrue(cache.find("other").isEmpty());
    }

    @Test
    void forgetsATokenWhenItsTtlIsOver() throws InterruptedException {
        TokenCache cache = new TokenCache(Duration.ofMillis(50));
        cache.put("hash", CALLER);
        Thread.sleep(80);
        assertTrue(cache.find("hash").isEmpty());
    }

    @Test
    void aRevokedClientIsForgottenAtOnceAndNotCachedAgainByALookupThatRacedWithTheRevocation() {
        TokenCache cache = new TokenCache(Duration.ofSeconds(30));
        cache.put("hash", CALLER);
        cache.forget(CALLER.clientId());
        assertTrue(cache.find("hash").isEmpty());
        cache.put("hash", CALLER);
        assertTrue(cache.find("hash").isEmpty(), "a lookup that read the row before the revocation committed");
        ApiCaller other = new ApiCaller(7, 43, "Okta", Set.of(ApiScope.SCIM));
        cache.put("other", other);
        assertEquals(Optional.of(other), cache.find("other"));
    }

    @Test
    void aZeroTtlTurnsTheCacheOff() {
        TokenCache cache = new TokenCache(Duration.ZERO);
        cache.put("hash", CALLER);
        assertTrue(cache.find("hash").isEmpty());
    }
}
