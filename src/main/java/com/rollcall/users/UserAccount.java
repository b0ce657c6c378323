package com.rollcall.users;

import com.rollcall.licensing.SeatRule;
import com.rollcall.platform.persistence.Clock;
import com.rollcall.platform.persistence.Columns;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A platform user. Its SCIM {@code id} is an opaque UUID ({@code scim_id}); the numeric key stays
 * internal. Unique keys (userName case-insensitive, externalId case-exact) live in *_key columns that
 * are nulled on soft delete, so a deleted user's identifiers can be provisioned afresh.
 */
@Entity
@Table(name = "user_account")
public class UserAccount {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "enterprise_id", nullable = false)
    private Long enterpriseId;

    @Column(name = "scim_id", nullable = false, length = 36)
    private String scimId;

    @Column(name = "user_name", nullable = false, length = 300)
    private String userName;

    @Column(name = "user_name_key", length = 300)
    private String userNameKey;

    @Column(name = "external_id", length = 300)
    private String externalId;

    @Column(name = "external_id_key", length = 300)
    private String externalIdKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private UserSource source;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "holds_seat", nullable = false)
    private boolean holdsSeat;

    /** Whether the user's effective roles all consume no license (rule 5); kept by the roles engine only. */
    @Column(name = "license_exempt", nullable = false, insertable = false, updatable = false)
    private boolean licenseExempt;

    @Column(name = "name_formatted") private String nameFormatted;
    @Column(name = "family_name") private String familyName;
    @Column(name = "given_name") private String givenName;
    @Column(name = "middle_name") private String middleName;
    @Column(name = "honorific_prefix") private String honorificPrefix;
    @Column(name = "honorific_suffix") private String honorificSuffix;
    @Column(name = "display_name") private String displayName;
    @Column(name = "nick_name") private String nickName;
    @Column(name = "profile_url") private String profileUrl;
    @Column(name = "title") private String title;
    @Column(name = "user_type") private String userType;
    @Column(name = "preferred_language") private String preferredLanguage;
    @Column(name = "locale") private String locale;
    @Column(name = "timezone") private String timezone;
    @Column(name = "employee_number") private String employeeNumber;
    @Column(name = "employee_number_key") private String employeeNumberKey;
    @Column(name = "cost_center") private String costCenter;
    @Column(name = "organization") private String organization;
    @Column(name = "division") private String division;
    @Column(name = "department") private String department;
    @Column(name = "manager_id") private String managerId;

    @ElementCollection
    @CollectionTable(name = "user_multi_value", joinColumns = @JoinColumn(name = "user_id"))
    @OrderColumn(name = "ordinal")
    private List<MultiValue> multiValues = new ArrayList<>();

    /** When the IdP's first write linked this (formerly manual) user, and the API client that made it (rule 2). */
    @Column(name = "linked_at")
    private Instant linkedAt;

    @Column(name = "linked_by", length = 200)
    private String linkedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_modified", nullable = false)
    private Instant lastModified;

    @Version
    private int version;

    /**
     * The multi-valued attributes as they are in the database, when plain SQL read or wrote them ({@link #fromRow},
     * {@link #inserted}, {@link #updated}): a write rewrites the rows only when they differ. Null when JPA loaded it.
     */
    @Transient
    private List<MultiValueData> storedMultiValues;

    protected UserAccount() {
    }

    UserAccount(long enterpriseId, UserSource source, UserAttributes attributes) {
        this.enterpriseId = enterpriseId;
        this.scimId = UUID.randomUUID().toString();
        this.source = source;
        this.createdAt = Clock.now();
        this.lastModified = createdAt;
        this.active = attributes.active() == null || attributes.active();
        replace(attributes);
    }

    /** Replaces every client-settable attribute (a SCIM create or PUT); {@code active} only if given. */
    void replace(UserAttributes a) {
        this.userName = a.userName();
        this.userNameKey = userNameKey(a.userName());
        this.externalId = a.externalId();
        this.externalIdKey = a.externalId();
        this.nameFormatted = a.nameFormatted();
        this.familyName = a.familyName();
        this.givenName = a.givenName();
        this.middleName = a.middleName();
        this.honorificPrefix = a.honorificPrefix();
        this.honorificSuffix = a.honorificSuffix();
        this.displayName = a.displayName();
        this.nickName = a.nickName();
        this.profileUrl = a.profileUrl();
        this.title = a.title();
        this.userType = a.userType();
        this.preferredLanguage = a.preferredLanguage();
        this.locale = a.locale();
        this.timezone = a.timezone();
        if (a.active() != null) {
            this.active = a.active();
        }
        this.employeeNumber = a.employeeNumber();
        this.employeeNumberKey = employeeNumberKey(a.employeeNumber());
        this.costCenter = a.costCenter();
        this.organization = a.organization();
        this.division = a.division();
        this.department = a.department();
        this.managerId = a.managerId();
        List<MultiValue> values = new ArrayList<>();
        for (MultiValueData data : a.multiValues()) {
            values.add(new MultiValue(enterpriseId, data));
        }
        this.multiValues = values;
        this.lastModified = Clock.now();
    }

    /**
     * The values a create writes to {@code user_account}, in the order of {@link UserRepository}'s insert
     * (license_exempt keeps its default, linked_at/linked_by and deleted_at are null on a new user).
     */
    Object[] insertRow() {
        return new Object[] {enterpriseId, scimId, userName, userNameKey, externalId, externalIdKey, source.name(),
                active, holdsSeat, nameFormatted, familyName, givenName, middleName, honorificPrefix, honorificSuffix,
                displayName, nickName, profileUrl, title, userType, preferredLanguage, locale, timezone, employeeNumber,
                employeeNumberKey, costCenter, organization, division, department, managerId, createdAt, lastModified,
                INITIAL_VERSION};
    }

    /** The multi-valued rows a create or an update writes, in order (their ordinal is their index). */
    List<MultiValue> multiValues() {
        return multiValues;
    }

    /** The version a new row starts at: EclipseLink's first version of an int {@code @Version}. */
    static final int INITIAL_VERSION = 1;

    /** The user was written by plain SQL ({@link UserRepository#insert}): its generated id and first version. */
    void inserted(long generatedId) {
        this.id = generatedId;
        this.version = INITIAL_VERSION;
        this.storedMultiValues = multiValueData();
    }

    /**
     * A user as {@link UserRepository} reads it with plain SQL, unmanaged: every column of {@code user_account} in
     * {@link UserRows}' order (id, enterprise_id, scim_id, user_name, user_name_key, external_id, external_id_key,
     * source, active, deleted_at, holds_seat, license_exempt, name_formatted ... manager_id, linked_at, linked_by,
     * created_at, last_modified, version), and its multi-valued rows in ordinal order.
     */
    static UserAccount fromRow(Object[] r, List<MultiValue> multiValues) {
        UserAccount u = new UserAccount();
        int i = 0;
        u.id = Columns.number(r[i++]);
        u.enterpriseId = Columns.number(r[i++]);
        u.scimId = (String) r[i++];
        u.userName = (String) r[i++];
        u.userNameKey = (String) r[i++];
        u.externalId = (String) r[i++];
        u.externalIdKey = (String) r[i++];
        u.source = UserSource.valueOf((String) r[i++]);
        u.active = Columns.bool(r[i++]);
        u.deletedAt = Columns.instant(r[i++]);
        u.holdsSeat = Columns.bool(r[i++]);
        u.licenseExempt = Columns.bool(r[i++]);
        u.nameFormatted = (String) r[i++];
        u.familyName = (String) r[i++];
        u.givenName = (String) r[i++];
        u.middleName = (String) r[i++];
        u.honorificPrefix = (String) r[i++];
        u.honorificSuffix = (String) r[i++];
        u.displayName = (String) r[i++];
        u.nickName = (String) r[i++];
        u.profileUrl = (String) r[i++];
        u.title = (String) r[i++];
        u.userType = (String) r[i++];
        u.preferredLanguage = (String) r[i++];
        u.locale = (String) r[i++];
        u.timezone = (String) r[i++];
        u.employeeNumber = (String) r[i++];
        u.employeeNumberKey = (String) r[i++];
        u.costCenter = (String) r[i++];
        u.organization = (String) r[i++];
        u.division = (String) r[i++];
        u.department = (String) r[i++];
        u.managerId = (String) r[i++];
        u.linkedAt = Columns.instant(r[i++]);
        u.linkedBy = (String) r[i++];
        u.createdAt = Columns.instant(r[i++]);
        u.lastModified = Columns.instant(r[i++]);
        u.version = (int) Columns.number(r[i++]);
        if (i != r.length) {
            throw new IllegalArgumentException("a user_account row has " + i + " columns, not " + r.length);
        }
        u.multiValues = new ArrayList<>(multiValues);
        u.storedMultiValues = u.multiValueData();
        return u;
    }

    /**
     * The values an update writes to {@code user_account}, in the order of {@link UserRows#UPDATE_USER}: every column
     * a write may change, then the next version (license_exempt is the roles engine's; id, enterprise, SCIM id and
     * created_at never change).
     */
    Object[] updateRow() {
        return new Object[] {userName, userNameKey, externalId, externalIdKey, source.name(), active, deletedAt,
                holdsSeat, nameFormatted, familyName, givenName, middleName, honorificPrefix, honorificSuffix, displayName,
                nickName, profileUrl, title, userType, preferredLanguage, locale, timezone, employeeNumber,
                employeeNumberKey, costCenter, organization, division, department, managerId, linkedAt, linkedBy,
                lastModified, version + 1};
    }

    /** Whether the multi-valued attributes differ from the rows in the database (always, when JPA loaded the user). */
    boolean multiValuesChanged() {
        return storedMultiValues == null || !storedMultiValues.equals(multiValueData());
    }

    /** The user was written back by plain SQL ({@link UserRepository#update}): its next version. */
    void updated() {
        this.version++;
        this.storedMultiValues = multiValueData();
    }

    private List<MultiValueData> multiValueData() {
        List<MultiValueData> values = new ArrayList<>(multiValues.size());
        for (MultiValue value : multiValues) {
            values.add(value.data());
        }
        return values;
    }

    /** Whether this user should hold a seat now (PRODUCT.md rule 5, {@link SeatRule}). */
    boolean needsSeat() {
        return SeatRule.needsSeat(active, deletedAt == null, licenseExempt);
    }

    boolean holdsSeat() {
        return holdsSeat;
    }

    void seatTaken() {
        this.holdsSeat = true;
    }

    void seatFreed() {
        this.holdsSeat = false;
    }

    /**
     * A manual user linked to the IdP's user by the IdP's first write (PRODUCT.md rule 2): same id, history and
     * groups, SCIM-sourced from now on; when, and by which API client.
     */
    void linkToIdp(String client) {
        this.source = UserSource.SCIM;
        this.linkedAt = Clock.now();
        this.linkedBy = client;
    }

    /**
     * Soft delete (PRODUCT.md rule 4): the row stays for the audit trail, invisible to SCIM; its unique
     * keys are freed so the same userName or externalId can be provisioned afresh.
     */
    void softDelete() {
        this.deletedAt = Clock.now();
        this.active = false;
        this.userNameKey = null;
        this.externalIdKey = null;
        this.employeeNumberKey = null;
        this.lastModified = deletedAt;
    }

    /** The normalised key under which userName is unique (case-insensitive, ENTRA.md Q9). */
    public static String userNameKey(String userName) {
        return userName == null ? null : userName.toLowerCase(Locale.ROOT);
    }

    public static String employeeNumberKey(String employeeNumber) {
        return employeeNumber == null || employeeNumber.isBlank() ? null : employeeNumber.trim().toLowerCase(Locale.ROOT);
    }

    UserAttributes attributes() {
        List<MultiValueData> values = multiValueData();
        return UserAttributes.builder().userName(userName).externalId(externalId).nameFormatted(nameFormatted)
                .familyName(familyName).givenName(givenName).middleName(middleName).honorificPrefix(honorificPrefix)
                .honorificSuffix(honorificSuffix).displayName(displayName).nickName(nickName).profileUrl(profileUrl)
                .title(title).userType(userType).preferredLanguage(preferredLanguage).locale(locale).timezone(timezone)
                .active(active).multiValues(values).employeeNumber(employeeNumber).costCenter(costCenter)
                .organization(organization).division(division).department(department).managerId(managerId).build();
    }

    public Long id() { return id; }
    public long enterpriseId() { return enterpriseId; }
    public String scimId() { return scimId; }
    public String userName() { return userName; }
    public String externalId() { return externalId; }
    public UserSource source() { return source; }
    public boolean active() { return active; }
    public Instant deletedAt() { return deletedAt; }
    public Instant createdAt() { return createdAt; }
    public Instant linkedAt() { return linkedAt; }
    public String linkedBy() { return linkedBy; }
    public Instant lastModified() { return lastModified; }
    public int version() { return version; }
}
