package com.rollcall.console.users;

import com.rollcall.console.ConsoleSession;
import com.rollcall.console.Feedback;
import com.rollcall.enterprise.EnterpriseService;
import com.rollcall.users.ManualUserService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * /console/users/create.xhtml: a manual user (takes a license; refused at the limit with the reason). While the
 * connected system manages users (PRODUCT.md rule 1) the page says why users cannot be added here and shows no form;
 * a create sent from a page opened before the switch is refused by the service with the same reason.
 */
@Named("userCreate")
@ViewScoped
public class CreateBacking implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    private ManualUserService manual;

    @Inject
    private ConsoleSession session;

    @Inject
    private EnterpriseService enterprises;

    private final UserForm form = new UserForm();
    private String refusedReason;

    @PostConstruct
    void load() {
        refusedReason = ManualUserService.addingRefusedReason(
                enterprises.find(session.enterpriseId()).orElseThrow().provisioningMode()).orElse(null);
    }

    public String create() {
        UserForm.Written created = Feedback.attempt(
                () -> UserForm.written(manual.create(session.actor(), form.newUser(), session.scimBaseUrl())));
        if (created == null) {
            load();
            return null;
        }
        Feedback.info("User " + created.userName() + " created.");
        Feedback.keepForRedirect();
        return "/console/users/detail.xhtml?faces-redirect=true&id=" + created.id();
    }

    public UserForm getForm() { return form; }
    /** Why users cannot be added by hand now, or null when they can. */
    public String getRefusedReason() { return refusedReason; }
}
