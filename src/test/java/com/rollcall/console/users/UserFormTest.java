package com.rollcall.console.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.rollcall.scim.json.ScimJson;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class UserFormTest {
    private static final String EXT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static JsonObject json(String text) {
        return ScimJson.PROVIDER.createReader(new StringReader(text)).readObject();
    }

    @Test
    void editReplacesOnlyTheFormFieldsAndKeepsEverythingElse() {
        JsonObject user = json("{\"id\":\"x\",\"userName\":\"ann\",\"name\":{\"givenName\":\"Ann\",\"middleName\":\"M\"},"
                + "\"emails\":[{\"value\":\"old@x.com\",\"type\":\"work\",\"primary\":true},{\"value\":\"home@x.com\",\"type\":\"home\"}],"
                + "\"phoneNumbers\":[{\"value\":\"+1\"}],\"active\":false,\"" + EXT + "\":{\"employeeNumber\":\"7\",\"costCenter\":\"CC\"},"
                + "\"meta\":{\"version\":\"W/\\\"3\\\"\"}}");
        UserForm form = UserForm.of(user);
        assertEquals("old@x.com", form.getEmail());
        assertEquals("7", form.getEmployeeNumber());
        form.setEmail("new@x.com");
        form.setEmployeeNumber(" ");
        form.setTitle("CTO");

        JsonObject edited = form.applyTo(user);
        assertEquals("new@x.com", edited.getJsonArray("emails").getJsonObject(0).getString("value"));
        assertEquals("home@x.com", edited.getJsonArray("emails").getJsonObject(1).getString("value"));
        assertEquals("+1", edited.getJsonArray("phoneNumbers").getJsonObject(0).getString("value"));
        assertEquals("M", edited.getJsonObject("name").getString("middleName"));
        assertEquals("CC", edited.getJsonObject(EXT).getString("costCenter"));
        assertFalse(edited.getJsonObject(EXT).containsKey("employeeNumber"), "a cleared field is removed");
        assertEquals("CTO", edited.getString("title"));
        assertFalse(edited.getBoolean("active"));
        assertFalse(edited.containsKey("meta"));
    }

    @Test
    void newUserGetsAPrimaryWorkEmailAndNoEmptyObjects() {
        UserForm form = new UserForm();
        form.setUserName("bob");
        form.setEmail("bob@x.com");
        JsonObject created = form.applyTo(JsonObject.EMPTY_JSON_OBJECT);
        assertEquals("{\"value\":\"bob@x.com\",\"type\":\"work\",\"primary\":true}",
                created.getJsonArray("emails").getJsonObject(0).toString());
        assertFalse(created.containsKey("name"));
        assertFalse(created.containsKey(EXT));
        assertEquals(1, created.getJsonArray("schemas").size());
    }

    @Test
    void aNewUserIsTheFormActive() {
        UserForm form = new UserForm();
        form.setUserName(" ann@example.com ");
        form.setEmail("ann@example.com");
        JsonObject created = form.newUser();
        assertEquals("ann@example.com", created.getString("userName"));
        assertEquals(true, created.getBoolean("active"));
        assertEquals("ann@example.com", created.getJsonArray("emails").getJsonObject(0).getString("value"));
        assertEquals(new UserForm.Written("x", "ann@example.com"),
                UserForm.written(json("{\"id\":\"x\",\"userName\":\"ann@example.com\",\"active\":true}")));
    }
}
