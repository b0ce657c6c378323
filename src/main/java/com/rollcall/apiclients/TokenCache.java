package com.rollcall.apiclients;

import com.rollcall.enterprise.EnterpriseSuspensionChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens this instance authenticated recently, by the token's SHA-256, for a short time
 * ({@code ROLLCALL_TOKEN_CACHE_SECONDS}, default 5; 0 turns the cache off). Without it every request
 * looked its token up in the database (ARCHITECTURE.md: "cached briefly").
 *
 * <p>Revocation: a client revoked through this instance (admin API, console) is forgotten when the
 * revoking transaction commits, and a revocation seen here is remembered for one TTL so that a lookup
 * that raced with it cannot put the token back. A client revoked elsewhere (another instance, or SQL)
 * is refused here at the latest one TTL later. Only live tokens are cached: an unknown or revoked token
 * always goes to the database, so a new token works at once.
 */
@ApplicationScoped
public class TokenCache {
    static final Duration DEFAULT_TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(ApiCaller caller, long expiresAt) {
    }

    private final Map<String, Entry> byHash = new ConcurrentHashMap<>();
    private final Map<Long, Long> revokedUntil = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoTime;

    public TokenCache() {
        this(ttlFromEnvironment());
    }

    TokenCache(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    /** With the clock it reads ({@link System#nanoTime()} in production; a hand-moved one in TokenCacheTest). */
    TokenCache(Duration ttl, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The caller of a token hash authenticated less than one TTL ago, if any. */
    public Optional<ApiCaller> find(String tokenHash) {
        if (ttlNanos <= 0) {
            return Optional.empty();
        }
        Entry entry = byHash.get(tokenHash);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoTime.getAsLong() - entry.expiresAt() >= 0) {
            byHash.remove(tokenHash, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    /** Remembers a token the database just accepted. */
    public void put(String tokenHash, ApiCaller caller) {
        if (ttlNanos <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        Long until = revokedUntil.get(caller.clientId());
        if (until != null) {
            if (now - until < 0) {
                return;
            }
            revokedUntil.remove(caller.clientId(), until);
        }
        if (byHash.size() >= MAX_ENTRIES) {
            byHash.clear();
        }
        byHash.put(tokenHash, new Entry(caller, now + ttlNanos));
    }

    /** Forgets a client's token once its revocation committed. */
    void revoked(@Observes(during = TransactionPhase.AFTER_SUCCESS) ApiClientRevoked event) {
        forget(event.clientId());
    }

    /** Forgets an enterprise's clients once its suspension (or resumption) committed. */
    void suspensionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) EnterpriseSuspensionChanged event) {
        byHash.values().removeIf(entry -> entry.caller().enterpriseId() == event.enterpriseId());
    }

    void forget(long clientId) {
        revokedUntil.put(clientId, nanoTime.getAsLong() + Math.max(ttlNanos, 0));
        byHash.values().removeIf(entry -> entry.caller().clientId() == clientId);
    }

    private static Duration ttlFromEnvironment() {
        String value = System.getenv("ROLLCALL_TOKEN_CACHE_SECONDS");
        if (value == null || value.isBlank()) {
            return DEFAULT_TTL;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_TTL;
        }
    }
}
