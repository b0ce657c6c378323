package com.rollcall.operators;

import com.rollcall.apiclients.BearerCredential;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * A credential of the operator of Rollcall (the company running it, not a customer): it reaches only
 * {@code /api/operator/v1}. Only the SHA-256 of the token is stored.
 */
@Entity
@Table(name = "operator_token")
public class OperatorToken extends BearerCredential {
    @Column(name = "from_environment", nullable = false)
    private boolean fromEnvironment;

    protected OperatorToken() {
    }

    OperatorToken(String name, String token, boolean fromEnvironment, String createdBy) {
        super(name, token, createdBy);
        this.fromEnvironment = fromEnvironment;
    }

    public boolean fromEnvironment() { return fromEnvironment; }
}
