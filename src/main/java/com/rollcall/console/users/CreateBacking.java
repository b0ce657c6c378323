package com.rollcall.console.users;

import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import com.rollcall.scim.json.ScimJson;
import com.rollcall.users.ManualUserService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.JsonObject;
import java.io.Serializable;

/** /console/users/create.xhtml: a manual user (takes a license; refused at the limit with the reason). */
@Named("userCreate")
@ViewScoped
public class CreateBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private transient ManualUserService manual;

    @Inject
    private transient ConsoleSession session;

    private final UserForm form = new UserForm();

    public String create() {
        JsonObject body = ScimJson.object(form.applyTo(ScimJson.object().build())).add("active", true).build();
        JsonObject created = Feedback.attempt(() -> manual.create(session.actor(), body, session.scimBaseUrl()));
        if (created == null) {
            return null;
        }
        Feedback.info("User " + created.getString("userName") + " created.");
        Feedback.keepForRedirect();
        return "/console/users/detail.xhtml?faces-redirect=true&id=" + created.getString("id");
    }

    public UserForm getForm() { return form; }
}
