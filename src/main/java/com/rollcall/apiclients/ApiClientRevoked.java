package com.rollcall.apiclients;

/** CDI event: this API client was revoked (fired inside the revoking transaction). */
public record ApiClientRevoked(long clientId) {
}
