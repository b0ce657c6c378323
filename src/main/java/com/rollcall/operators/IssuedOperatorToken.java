package com.rollcall.operators;

/** A token just issued: the only moment its clear text exists outside the caller. */
public record IssuedOperatorToken(String token, OperatorTokenView view) {
}
