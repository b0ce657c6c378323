package com.rollcall.users;

/**
 * A value of a multi-valued attribute as SCIM knows it. {@code value} is used by emails, phone
 * numbers, ims and photos; the address parts by addresses.
 */
public record MultiValueData(String attribute, String type, boolean primary, String display, String value,
        String formatted, String streetAddress, String locality, String region, String postalCode, String country) {
}
