package com.rollcall.console.users;

import com.rollcall.scim.json.ScimJson;
import com.rollcall.scim.schema.Urns;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;

/**
 * The user attributes the console edits, read from and written into a user's SCIM form: an edit starts
 * from the user's full SCIM document and replaces only these fields, so what the console does not show
 * (phone numbers, addresses, other emails, manager...) is kept by the full replace. The one console class
 * that reads or writes a user's JSON (the manual-user use cases take and give SCIM documents, as the admin API does).
 */
public class UserForm implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A user a use case wrote, as a page names it and links to it afterwards. */
    public record Written(String id, String userName) implements Serializable {
    }

    private String userName;
    private String givenName;
    private String familyName;
    private String displayName;
    private String email;
    private String employeeNumber;
    private String title;
    private String department;

    /** The form's fields from a user's SCIM JSON. */
    public static UserForm of(JsonObject user) {
        UserForm form = new UserForm();
        form.userName = string(user, "userName");
        JsonObject name = object(user, "name");
        form.givenName = string(name, "givenName");
        form.familyName = string(name, "familyName");
        form.displayName = string(user, "displayName");
        form.title = string(user, "title");
        JsonObject emailItem = primaryEmail(user);
        form.email = emailItem == null ? null : string(emailItem, "value");
        JsonObject extension = object(user, Urns.ENTERPRISE_USER);
        form.employeeNumber = string(extension, "employeeNumber");
        form.department = string(extension, "department");
        return form;
    }

    /** The id and userName of a user's SCIM JSON, as a use case answered it. */
    public static Written written(JsonObject user) {
        return new Written(user.getString("id"), user.getString("userName"));
    }

    /** This form as the SCIM JSON of a new, active user. */
    public JsonObject newUser() {
        return ScimJson.object(applyTo(JsonValue.EMPTY_JSON_OBJECT)).add("active", true).build();
    }

    /** {@code base} (a user's SCIM JSON, or an empty object for a new user) with this form's fields applied. */
    public JsonObject applyTo(JsonObject base) {
        JsonObjectBuilder json = ScimJson.object(base);
        json.remove("meta");
        json.remove("groups");
        json.remove("id");
        set(json, "userName", userName);
        JsonObjectBuilder name = ScimJson.object(object(base, "name"));
        set(name, "givenName", givenName);
        set(name, "familyName", familyName);
        JsonObject builtName = name.build();
        if (builtName.isEmpty()) {
            json.remove("name");
        } else {
            json.add("name", builtName);
        }
        set(json, "displayName", displayName);
        set(json, "title", title);
        json.add("emails", emails(base, blankToNull(email)));
        JsonObjectBuilder extension = ScimJson.object(object(base, Urns.ENTERPRISE_USER));
        set(extension, "employeeNumber", employeeNumber);
        set(extension, "department", department);
        JsonObject builtExtension = extension.build();
        JsonArrayBuilder schemas = ScimJson.array().add(Urns.USER);
        if (builtExtension.isEmpty()) {
            json.remove(Urns.ENTERPRISE_USER);
        } else {
            json.add(Urns.ENTERPRISE_USER, builtExtension);
            schemas.add(Urns.ENTERPRISE_USER);
        }
        json.add("schemas", schemas);
        return json.build();
    }

    /** The user's emails with the primary (else first) one replaced by {@code value}, removed when null. */
    private static JsonArrayBuilder emails(JsonObject base, String value) {
        JsonArrayBuilder emails = ScimJson.array();
        JsonObject replaced = primaryEmail(base);
        boolean done = false;
        if (base.containsKey("emails") && base.get("emails").getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue item : base.getJsonArray("emails")) {
                if (!done && item.equals(replaced)) {
                    done = true;
                    if (value != null) {
                        emails.add(ScimJson.object(item.asJsonObject()).add("value", value));
                    }
                } else {
                    emails.add(item);
                }
            }
        }
        if (!done && value != null) {
            emails.add(ScimJson.object().add("value", value).add("type", "work").add("primary", true));
        }
        return emails;
    }

    private static JsonObject primaryEmail(JsonObject user) {
        if (!user.containsKey("emails") || user.get("emails").getValueType() != JsonValue.ValueType.ARRAY) {
            return null;
        }
        JsonObject first = null;
        for (JsonValue item : user.getJsonArray("emails")) {
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                continue;
            }
            JsonObject email = item.asJsonObject();
            if (email.getBoolean("primary", false)) {
                return email;
            }
            if (first == null) {
                first = email;
            }
        }
        return first;
    }

    private static void set(JsonObjectBuilder json, String name, String value) {
        String v = blankToNull(value);
        if (v == null) {
            json.remove(name);
        } else {
            json.add(name, v);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static JsonObject object(JsonObject json, String name) {
        JsonValue value = json == null ? null : json.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : JsonValue.EMPTY_JSON_OBJECT;
    }

    private static String string(JsonObject json, String name) {
        JsonValue value = json == null ? null : json.get(name);
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? json.getString(name) : null;
    }

    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public String getGivenName() { return givenName; }
    public void setGivenName(String givenName) { this.givenName = givenName; }
    public String getFamilyName() { return familyName; }
    public void setFamilyName(String familyName) { this.familyName = familyName; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getEmployeeNumber() { return employeeNumber; }
    public void setEmployeeNumber(String employeeNumber) { this.employeeNumber = employeeNumber; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
}
