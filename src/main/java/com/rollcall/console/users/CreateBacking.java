package com.rollcall.console.users;

import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import com.rollcall.users.ManualUserService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
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
        UserForm.Written created = Feedback.attempt(
                () -> UserForm.written(manual.create(session.actor(), form.newUser(), session.scimBaseUrl())));
        if (created == null) {
            return null;
        }
        Feedback.info("User " + created.userName() + " created.");
        Feedback.keepForRedirect();
        return "/console/users/detail.xhtml?faces-redirect=true&id=" + created.id();
    }

    public UserForm getForm() { return form; }
}
