package com.rollcall.enterprise;

/** Which identifier links an IdP's user to an existing manual user (PRODUCT.md rule 2). */
public enum IdentifierRule {
    /** Email, compared case-insensitively. */
    EMAIL,
    /** The enterprise extension's employeeNumber. */
    EMPLOYEE_ID
}
