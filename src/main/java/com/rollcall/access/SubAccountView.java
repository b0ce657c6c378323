package com.rollcall.access;

import java.io.Serializable;

/** A sub-account as boundaries and other rooms see it. */
public record SubAccountView(long id, String name) implements Serializable {
    static SubAccountView of(SubAccount subAccount) {
        return new SubAccountView(subAccount.id(), subAccount.name());
    }
}
