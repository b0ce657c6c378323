package com.rollcall.users;

import com.rollcall.platform.persistence.Columns;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;

/**
 * One value of a multi-valued user attribute (an email, a phone number, an address...), stored as a
 * row of {@code user_multi_value} so matching filters such as {@code emails[type eq "work"].value eq}
 * are one indexed query.
 */
@Embeddable
public class MultiValue {
    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(name = "attribute", nullable = false, length = 32)
    private String attribute;

    @Column(name = "item_type", length = 100)
    private String type;

    @Column(name = "is_primary", nullable = false)
    private boolean primary;

    @Column(name = "display", length = 500)
    private String display;

    @Column(name = "item_value", length = 700)
    private String value;

    @Column(name = "item_value_key", length = 700)
    private String valueKey;

    @Column(name = "formatted", length = 1000)
    private String formatted;

    @Column(name = "street_address", length = 500)
    private String streetAddress;

    @Column(name = "locality", length = 200)
    private String locality;

    @Column(name = "region", length = 200)
    private String region;

    @Column(name = "postal_code", length = 100)
    private String postalCode;

    @Column(name = "country", length = 100)
    private String country;

    protected MultiValue() {
    }

    MultiValue(long enterpriseId, MultiValueData data) {
        this.enterpriseId = enterpriseId;
        this.attribute = data.attribute();
        this.type = data.type();
        this.primary = data.primary();
        this.display = data.display();
        this.value = data.value();
        this.valueKey = data.value() == null ? null : data.value().toLowerCase(Locale.ROOT);
        this.formatted = data.formatted();
        this.streetAddress = data.streetAddress();
        this.locality = data.locality();
        this.region = data.region();
        this.postalCode = data.postalCode();
        this.country = data.country();
    }

    /** The values of its {@code user_multi_value} row after user_id and ordinal, in {@link UserRows}' order. */
    Object[] insertRow() {
        return new Object[] {enterpriseId, attribute, type, primary, display, value, valueKey, formatted, streetAddress,
                locality, region, postalCode, country};
    }

    /** A value as {@link UserRows#MULTI_VALUES} reads its row, in {@link #insertRow}'s order. */
    static MultiValue fromRow(Object[] r) {
        MultiValue v = new MultiValue();
        v.enterpriseId = Columns.number(r[0]);
        v.attribute = (String) r[1];
        v.type = (String) r[2];
        v.primary = Columns.bool(r[3]);
        v.display = (String) r[4];
        v.value = (String) r[5];
        v.valueKey = (String) r[6];
        v.formatted = (String) r[7];
        v.streetAddress = (String) r[8];
        v.locality = (String) r[9];
        v.region = (String) r[10];
        v.postalCode = (String) r[11];
        v.country = (String) r[12];
        return v;
    }

    MultiValueData data() {
        return new MultiValueData(attribute, type, primary, display, value, formatted, streetAddress, locality,
                region, postalCode, country);
    }
}
