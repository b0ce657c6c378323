package com.rollcall.apiclients;

/** A just-created client with its token: the only moment the token exists outside the caller's hands. */
public record IssuedApiClient(String token, ApiClientView client) implements java.io.Serializable {
}
