package com.rollcall.scim.schema;

import static com.rollcall.scim.schema.AttributeDefinition.bool;
import static com.rollcall.scim.schema.AttributeDefinition.complex;
import static com.rollcall.scim.schema.AttributeDefinition.dateTime;
import static com.rollcall.scim.schema.AttributeDefinition.reference;
import static com.rollcall.scim.schema.AttributeDefinition.string;
import static com.rollcall.scim.schema.Mutability.IMMUTABLE;
import static com.rollcall.scim.schema.Mutability.READ_ONLY;
import static com.rollcall.scim.schema.Mutability.WRITE_ONLY;
import static com.rollcall.scim.schema.Returned.ALWAYS;
import static com.rollcall.scim.schema.Returned.NEVER;
import static com.rollcall.scim.schema.Uniqueness.SERVER;

import com.rollcall.scim.quirks.ManagerValues;
import com.rollcall.scim.schema.ResourceTypeDefinition.SchemaExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The schemas and resource types Rollcall serves: the single source of truth for attribute
 * characteristics, used by /Schemas and /ResourceTypes, response projection, filters (caseExact) and
 * PATCH (mutability). The schemas list only what Rollcall stores (see {@code UserScimMapper}; lengths
 * in the descriptions are its limits) plus {@code id}, {@code externalId}, {@code groups} and
 * {@code members}, with the characteristics of RFC 7643 §8.7.1 except where Rollcall enforces more
 * ({@code externalId} is unique per enterprise among live resources, a group's {@code displayName} is required;
 * it need not be unique, as in the RFC).
 *
 * <p>{@code meta} belongs to no schema (RFC 7643 §3.1); {@link #META} describes it, and the lookups
 * here find it as if it were a core attribute of every resource type.
 */
public final class ScimSchemas {
    private static final String URI = "uri";

    /** The common attribute {@code id} (RFC 7643 §3.1). */
    public static final AttributeDefinition ID = string("id",
            "Unique, stable identifier of the resource, assigned by Rollcall.")
            .asCaseExact().with(READ_ONLY).with(ALWAYS).with(SERVER);

    /** The common attribute {@code meta} (RFC 7643 §3.1); it is in no schema document. */
    public static final AttributeDefinition META = complex("meta", "Resource metadata maintained by Rollcall.",
            string("resourceType", "The name of the resource type of the resource.").asCaseExact().with(READ_ONLY),
            dateTime("created", "When the resource was added to Rollcall.").with(READ_ONLY),
            dateTime("lastModified", "When the resource was last changed in Rollcall.").with(READ_ONLY),
            reference("location", "The URI of the resource.", URI).asCaseExact().with(READ_ONLY),
            string("version", "The weak entity tag of the resource's current version.").asCaseExact()
                    .with(READ_ONLY))
            .with(READ_ONLY);

    /** The core User schema (RFC 7643 §4.1), as far as Rollcall stores it. */
    public static final SchemaDefinition USER = new SchemaDefinition(Urns.USER, "User", "User Account", List.of(
            ID,
            externalId("Identifier of the user in the provisioning client"),
            string("userName", "Unique sign-in identifier of the user, case-insensitive").withMaxLength(300)
                    .asRequired().with(SERVER),
            complex("name", "The components of the user's real name.",
                    string("formatted", "The full name, formatted for display").withMaxLength(500),
                    string("familyName", "The family or last name").withMaxLength(200),
                    string("givenName", "The given or first name").withMaxLength(200),
                    string("middleName", "The middle name or names").withMaxLength(200),
                    string("honorificPrefix", "The honorific prefix, such as 'Ms.'").withMaxLength(100),
                    string("honorificSuffix", "The honorific suffix, such as 'III'").withMaxLength(100)),
            string("displayName", "The name of the user, suitable for display").withMaxLength(300),
            string("nickName", "The casual way to address the user").withMaxLength(200),
            reference("profileUrl", "URL of the user's online profile", "external").withMaxLength(1000),
            string("title", "The user's job title").withMaxLength(300),
            string("userType",
                    "The user's relationship to the organisation, such as 'Employee'").withMaxLength(100),
            string("preferredLanguage", "The user's preferred language, such as 'en-US'").withMaxLength(100),
            string("locale", "The user's locale for formatting dates and numbers").withMaxLength(100),
            string("timezone", "The user's time zone in IANA format, such as 'Europe/Paris'").withMaxLength(100),
            bool("active", "Whether the user may use the platform; false deactivates the user."),
            string("password", "Accepted for compatibility and ignored: Rollcall never stores passwords.")
                    .with(WRITE_ONLY).with(NEVER),
            valued("emails", "Email addresses of the user.",
                    string("value", "An email address").withMaxLength(700), "work", "home", "other"),
            valued("phoneNumbers", "Phone numbers of the user.",
                    string("value", "A phone number").withMaxLength(700),
                    "work", "home", "mobile", "fax", "pager", "other"),
            valued("ims", "Instant messaging addresses of the user.",
                    string("value", "An instant messaging address").withMaxLength(700),
                    "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
            valued("photos", "URLs of photos of the user.",
                    reference("value", "URL of a photo", "external").withMaxLength(700), "photo", "thumbnail"),
            complex("addresses", "Postal addresses of the user.",
                    string("formatted", "The full address, formatted for display").withMaxLength(1000),
                    string("streetAddress", "The street address").withMaxLength(500),
                    string("locality", "The city or locality").withMaxLength(200),
                    string("region", "The state or region").withMaxLength(200),
                    string("postalCode", "The postal code").withMaxLength(100),
                    string("country", "The country").withMaxLength(100),
                    typeOf("work", "home", "other"),
                    primary()).asMultiValued(),
            complex("groups", "The groups the user belongs to; change them through /Groups.",
                    string("value", "The id of the group.").with(READ_ONLY),
                    reference("$ref", "The URI of the group.", "User", "Group").with(READ_ONLY),
                    string("display", "The display name of the group.").with(READ_ONLY),
                    string("type", "Whether the membership is direct or through a nested group.")
                            .withCanonicalValues("direct", "indirect").with(READ_ONLY))
                    .asMultiValued().with(READ_ONLY)));

    /** The enterprise User extension (RFC 7643 §4.3), as far as Rollcall stores it. */
    public static final SchemaDefinition ENTERPRISE_USER = new SchemaDefinition(Urns.ENTERPRISE_USER,
            "EnterpriseUser", "Enterprise User", List.of(
            string("employeeNumber", "The user's employee number in the organisation").withMaxLength(200),
            string("costCenter", "The user's cost center").withMaxLength(200),
            string("organization", "The user's organisation").withMaxLength(200),
            string("division", "The user's division").withMaxLength(200),
            string("department", "The user's department").withMaxLength(200),
            complex("manager", "The user's manager, a user of the same enterprise.",
                    string("value", "The id of the manager").withMaxLength(300),
                    reference("$ref", "The URI of the manager.", "User"),
                    string("displayName", "The display name of the manager.").with(READ_ONLY))));

    /** The core Group schema (RFC 7643 §4.2). */
    public static final SchemaDefinition GROUP = new SchemaDefinition(Urns.GROUP, "Group", "Group", List.of(
            ID,
            externalId("Identifier of the group in the provisioning client"),
            string("displayName", "Name of the group, case-insensitive; two groups may share it").withMaxLength(300)
                    .asRequired(),
            complex("members", "The users and groups that belong to the group.",
                    string("value", "The id of the member.").with(IMMUTABLE),
                    reference("$ref", "The URI of the member.", "User", "Group").with(IMMUTABLE),
                    string("display", "The display name of the member.").with(READ_ONLY),
                    string("type", "Whether the member is a user or a group.")
                            .withCanonicalValues("User", "Group").with(IMMUTABLE))
                    .asMultiValued()));

    /** Every schema that resources of Rollcall use, for {@code GET /Schemas}. */
    public static final List<SchemaDefinition> SCHEMAS = List.of(USER, ENTERPRISE_USER, GROUP);

    /**
     * ENTRA.md Q6 ({@link ManagerValues}): the enterprise {@code manager}, given as an id, {@code {"value": id}}
     * or {@code [{"value": id}]} (also at {@code manager.value}), is kept as {@code {"value": id}}; its
     * {@code $ref} and {@code displayName} are Rollcall's to derive.
     */
    private static final AssignmentRule MANAGER = new AssignmentRule(Urns.ENTERPRISE_USER, "manager", "value",
            ManagerValues::assign, "'manager' must be the manager's id, {\"value\": id} or [{\"value\": id}].");

    /** The User resource type; the enterprise extension is optional. */
    public static final ResourceTypeDefinition USER_RESOURCE_TYPE = new ResourceTypeDefinition("User", "User",
            "/Users", "User Account", Urns.USER, List.of(new SchemaExtension(Urns.ENTERPRISE_USER, false)),
            List.of(MANAGER));

    /** The Group resource type. */
    public static final ResourceTypeDefinition GROUP_RESOURCE_TYPE = new ResourceTypeDefinition("Group", "Group",
            "/Groups", "Group", Urns.GROUP, List.of());

    /** Every resource type, for {@code GET /ResourceTypes}. */
    public static final List<ResourceTypeDefinition> RESOURCE_TYPES = List.of(USER_RESOURCE_TYPE, GROUP_RESOURCE_TYPE);

    private ScimSchemas() {
    }

    /** The schema with this URN, ignoring case. */
    public static Optional<SchemaDefinition> schema(String urn) {
        return SCHEMAS.stream().filter(schema -> schema.id().equalsIgnoreCase(urn)).findFirst();
    }

    /** The resource type with this id (its name, e.g. "User"), ignoring case. */
    public static Optional<ResourceTypeDefinition> resourceType(String id) {
        return RESOURCE_TYPES.stream().filter(type -> type.id().equalsIgnoreCase(id)).findFirst();
    }

    /** The schemas of a resource type: the core schema first, then its extensions. */
    public static List<SchemaDefinition> schemasOf(ResourceTypeDefinition type) {
        List<SchemaDefinition> schemas = new ArrayList<>();
        for (String urn : type.schemaUrns()) {
            schema(urn).ifPresent(schemas::add);
        }
        return List.copyOf(schemas);
    }

    /**
     * Finds an attribute (or one of its sub-attributes) of a resource type, ignoring case. With a URN, only
     * that schema of the type is searched; without, the core schema and then the extensions. {@code meta}
     * is found as a core attribute. Empty when the URN is not one of the type's schemas, the attribute is
     * unknown, or {@code subAttributeOrNull} is given and is not a sub-attribute of it.
     */
    public static Optional<ResolvedAttribute> locate(ResourceTypeDefinition type, String schemaUrnOrNull, String name,
                                                     String subAttributeOrNull) {
        if (name == null) {
            return Optional.empty();
        }
        for (SchemaDefinition schema : schemasOf(type)) {
            if (schemaUrnOrNull != null && !schema.id().equalsIgnoreCase(schemaUrnOrNull)) {
                continue;
            }
            Optional<AttributeDefinition> attribute = schema.attribute(name);
            boolean core = schema.id().equalsIgnoreCase(type.schema());
            if (attribute.isEmpty() && core && META.name().equalsIgnoreCase(name)) {
                attribute = Optional.of(META);
            }
            if (attribute.isPresent()) {
                return withSub(schema.id(), attribute.get(), subAttributeOrNull);
            }
        }
        return Optional.empty();
    }

    /** {@link #locate} reduced to the definition found: the sub-attribute when one is named, else the attribute. */
    public static Optional<AttributeDefinition> resolve(ResourceTypeDefinition type, String schemaUrnOrNull,
                                                        String name, String subAttributeOrNull) {
        return locate(type, schemaUrnOrNull, name, subAttributeOrNull).map(ResolvedAttribute::target);
    }

    /**
     * Whether comparisons on this attribute are case-sensitive (for filters and uniqueness). A complex
     * attribute named without a sub-attribute stands for its {@code value} (RFC 7644 §3.4.2.2, e.g.
     * {@code emails co "x"}). Unknown attributes are not case-exact.
     */
    public static boolean isCaseExact(ResourceTypeDefinition type, String schemaUrnOrNull, String name,
                                      String subAttributeOrNull) {
        return locate(type, schemaUrnOrNull, name, subAttributeOrNull)
                .map(found -> {
                    AttributeDefinition target = found.target();
                    if (target.isComplex()) {
                        return target.subAttribute("value").map(AttributeDefinition::caseExact).orElse(false);
                    }
                    return target.caseExact();
                })
                .orElse(false);
    }

    private static Optional<ResolvedAttribute> withSub(String urn, AttributeDefinition attribute, String subOrNull) {
        if (subOrNull == null) {
            return Optional.of(new ResolvedAttribute(urn, attribute, null));
        }
        return attribute.subAttribute(subOrNull).map(sub -> new ResolvedAttribute(urn, attribute, sub));
    }

    private static AttributeDefinition externalId(String description) {
        return string("externalId", description).withMaxLength(300).asCaseExact().with(SERVER);
    }

    /** A multi-valued attribute with the common sub-attributes value, display, type and primary (RFC 7643 §2.4). */
    private static AttributeDefinition valued(String name, String description, AttributeDefinition value,
                                              String... types) {
        return complex(name, description,
                value,
                string("display", "A human-readable name for the value").withMaxLength(500),
                typeOf(types),
                primary()).asMultiValued();
    }

    private static AttributeDefinition typeOf(String... canonicalValues) {
        return string("type", "A label for the value's function, such as '" + canonicalValues[0] + "'").withMaxLength(100)
                .withCanonicalValues(canonicalValues);
    }

    private static AttributeDefinition primary() {
        return bool("primary", "Whether this is the preferred value; true on at most one value.");
    }
}
